// GET /api/console/businesses/{bizId}/topology  sets → modules with host counts, and bindings per module name
import { consoleRoute } from "@/lib/api/console-route";
import { getTopologyTree } from "@/lib/topology/get-topology-tree";

export const GET = consoleRoute({ handle: ({ business }) => getTopologyTree(business.id) });
