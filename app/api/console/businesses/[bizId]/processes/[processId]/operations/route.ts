// POST /api/console/businesses/{bizId}/processes/{processId}/operations  {opType, hostIds} → {taskId}
// Refused (1199028, nothing queued) when the process lacks the command the operation needs.
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { operateCatalogueProcess, ZOperateCatalogueProcess } from "@/lib/operations/operate-catalogue-process";

export const POST = consoleRoute({
  access: "operate",
  body: ZOperateCatalogueProcess,
  status: 201,
  handle: ({ business, params, body, actor }) => operateCatalogueProcess(business, parsePathId(params.processId, "bk_process_id"), body, actor),
});
