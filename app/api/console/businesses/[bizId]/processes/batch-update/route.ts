// POST /api/console/businesses/{bizId}/processes/batch-update  {ids, changes}: all or nothing
import { consoleRoute } from "@/lib/api/console-route";
import { batchUpdateProcesses } from "@/lib/processes/batch-update-processes";
import { ZBatchUpdate } from "@/lib/processes/batch-update-request";

export const POST = consoleRoute({
  body: ZBatchUpdate,
  handle: async ({ business, body, actor }) => {
    await batchUpdateProcesses(business, { ...body.changes, bk_process_id: body.ids.join(",") }, actor);
    return null;
  },
});
