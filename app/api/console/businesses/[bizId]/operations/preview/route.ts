// POST /api/console/businesses/{bizId}/operations/preview  {opType, processIds, modules?} → what the
// operation would queue (processes, hosts, rows, modules), changing nothing; for the one confirmation.
import { consoleRoute } from "@/lib/api/console-route";
import { previewCatalogueOperation, ZOperateCatalogueProcesses } from "@/lib/operations/operate-catalogue-processes";

export const POST = consoleRoute({
  access: "operate",
  body: ZOperateCatalogueProcesses,
  handle: ({ business, body }) => previewCatalogueOperation(business, body),
});
