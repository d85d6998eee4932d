// POST /api/console/hosts/{hostId}/revoke-agent  the agent's token stops working; its next poll is refused.
// Global administrators only: an agent serves every business its host is in.
import { consoleRoute } from "@/lib/api/console-route";
import { parsePathId } from "@/lib/core/parse-path";
import { revokeAgent } from "@/lib/operations/revoke-agent";

export const POST = consoleRoute({ access: "global-admin", handle: ({ params, actor }) => revokeAgent(parsePathId(params.hostId, "bk_host_id"), actor) });
