// GET /api/console/businesses/{bizId}/processes/{processId}/modules  every module name with set_num and is_bind
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { listProcessModules } from "@/lib/processes/list-process-modules";

export const GET = consoleRoute({
  handle: ({ business, params }) => listProcessModules(business, parsePathId(params.processId, "bk_process_id")),
});
