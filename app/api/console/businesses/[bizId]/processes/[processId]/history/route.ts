// GET /api/console/businesses/{bizId}/processes/{processId}/history  audit entries, newest first
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { listProcessHistory } from "@/lib/audit/list-process-history";
import { assertProcessInBusiness } from "@/lib/processes/assert-process-in-business";

// the process must be of this business: another business's id is a 404, not an empty history
export const GET = consoleRoute({
  handle: async ({ business, params }) => listProcessHistory(business, await assertProcessInBusiness(business, parsePathId(params.processId, "bk_process_id"))),
});
