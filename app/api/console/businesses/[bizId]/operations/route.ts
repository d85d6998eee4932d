// POST /api/console/businesses/{bizId}/operations  {opType, processIds, modules?} → {taskId}
// One task for many catalogue processes: a row per (process × host) on every host of their modules
// (or only of the modules named). Refused as a whole (nothing queued) when a process lacks the
// command, none has a host, or the task would exceed 5,000 rows.
import { consoleRoute } from "@/lib/api/console-route";
import { operateCatalogueProcesses, ZOperateCatalogueProcesses } from "@/lib/operations/operate-catalogue-processes";

export const POST = consoleRoute({
  access: "operate",
  body: ZOperateCatalogueProcesses,
  status: 201,
  handle: ({ business, body, actor }) => operateCatalogueProcesses(business, body, actor),
});
