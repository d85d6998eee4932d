// GET /api/console/agents?state=online|offline|revoked|none  every known host with its agent's state
// and businesses. Global administrators only.
import { consoleRoute } from "@/lib/api/console-route";
import { listAgents, ZAgentListQuery } from "@/lib/topology/list-agents";

export const GET = consoleRoute({ access: "global-admin", query: ZAgentListQuery, handle: ({ query }) => listAgents(query) });
