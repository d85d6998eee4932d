// POST /api/console/businesses/{bizId}/processes/batch-update/preview  {ids, changes}: before → after per process, nothing written
import { consoleRoute } from "@/lib/api/console-route";
import { ZBatchUpdate } from "@/lib/processes/batch-update-request";
import { previewBatchUpdate } from "@/lib/processes/preview-batch-update";

export const POST = consoleRoute({
  body: ZBatchUpdate,
  handle: ({ business, body }) => previewBatchUpdate(business, body.ids, body.changes),
});
