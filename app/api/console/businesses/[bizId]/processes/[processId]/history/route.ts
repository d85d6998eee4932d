// GET /api/console/businesses/{bizId}/processes/{processId}/history  audit entries, newest first
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/api/parse-path";
import { listProcessHistory } from "@/lib/audit/list-process-history";

export const GET = consoleRoute({
  handle: ({ business, params }) => listProcessHistory(business, parsePathId(params.processId, "bk_process_id")),
});
