// GET /api/console/businesses/{bizId}/processes/{processId}/operation-hosts  the hosts of the modules the
// process is bound to (set, module, agent state), for the Operate dialog
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { listOperationHosts } from "@/lib/operations/list-operation-hosts";

export const GET = consoleRoute({
  handle: ({ business, params }) => listOperationHosts(business.id, parsePathId(params.processId, "bk_process_id")),
});
