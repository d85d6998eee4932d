// GET /api/console/businesses/{bizId}/processes/{processId}/instances  per host: running, pid, managed,
// restarts and the last change its agent reported
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { listProcessInstances } from "@/lib/operations/list-process-instances";

export const GET = consoleRoute({
  handle: ({ business, params }) => listProcessInstances(business, parsePathId(params.processId, "bk_process_id")),
});
