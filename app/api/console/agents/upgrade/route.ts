// POST /api/console/agents/upgrade  {hostIds: [...]} → {version, hostIds}: those hosts' agents replace
// themselves with the server's build (lib/operations/agent-upgrade.ts). All or none: a host without
// an enrolled agent refuses the whole request. Global administrators only, as every agent action.
import { z } from "zod";
import { consoleRoute } from "@/lib/api/console-route";
import { requestAgentUpgrade } from "@/lib/operations/agent-upgrade";

const ZUpgradeAgents = z.strictObject({
  hostIds: z.array(z.number().int().min(1).max(2_147_483_647)).min(1, "at least one host").max(1000, "at most 1000 hosts at once"),
});

export const POST = consoleRoute({ access: "global-admin", body: ZUpgradeAgents, handle: ({ body, actor }) => requestAgentUpgrade(body.hostIds, actor) });
