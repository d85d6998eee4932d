// GET /api/console/businesses/{bizId}/hosts  hosts of the business with modules and agent state
import { consoleRoute } from "@/lib/api/console-route";
import { listHosts } from "@/lib/topology/list-hosts";

export const GET = consoleRoute({ handle: ({ business }) => listHosts(business.id) });
