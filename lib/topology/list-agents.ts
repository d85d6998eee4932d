// Every host the server knows (enrolled or placed in a business), with its agent's state and the
// businesses it serves: the global admin's view of agents.
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/core/db";
import { readAgentState, type TAgentState } from "@/lib/topology/agent-state";

export const ZAgentListQuery = z.strictObject({ state: z.enum(["online", "offline", "revoked", "none"]).optional() });
export type TAgentListQuery = z.infer<typeof ZAgentListQuery>;

export type TAgentView = {
  hostId: number;
  ip: string;
  cloudId: number;
  agentId: string;
  hostName: string;
  agentState: TAgentState;
  agentVersion: string;
  enrolledAt: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
  businesses: { bizId: number; name: string }[];
};

export async function listAgents(query: TAgentListQuery): Promise<TAgentView[]> {
  const rows = await getDb().$queryRaw<
    { bk_host_id: number; bk_host_innerip: string; bk_cloud_id: number; bk_agent_id: string; bk_host_name: string; agent_token_hash: string | null; agent_version: string; agent_enrolled_at: Date | null; agent_last_seen_at: Date | null; agent_disconnected_at: Date | null; agent_revoked_at: Date | null; businesses: { bizId: number; name: string }[] }[]
  >`
    SELECT h.bk_host_id, h.bk_host_innerip, h.bk_cloud_id, h.bk_agent_id, h.bk_host_name, h.agent_token_hash, h.agent_version, h.agent_enrolled_at, h.agent_last_seen_at, h.agent_disconnected_at, h.agent_revoked_at,
      coalesce((SELECT json_agg(DISTINCT jsonb_build_object('bizId', b.bk_biz_id, 'name', b.bk_biz_name))
                FROM host_module hm JOIN module m ON m.bk_module_id = hm.bk_module_id JOIN business b ON b.bk_biz_id = m.bk_biz_id
                WHERE hm.bk_host_id = h.bk_host_id), '[]'::json) AS businesses
    FROM host h
    ORDER BY h.bk_cloud_id, h.bk_host_innerip`;
  const now = Date.now();
  const agents = rows.map((row) => ({
    hostId: row.bk_host_id,
    ip: row.bk_host_innerip,
    cloudId: row.bk_cloud_id,
    agentId: row.bk_agent_id,
    hostName: row.bk_host_name,
    agentState: readAgentState({ agentTokenHash: row.agent_token_hash, agentRevokedAt: row.agent_revoked_at, agentLastSeenAt: row.agent_last_seen_at, agentDisconnectedAt: row.agent_disconnected_at }, now),
    agentVersion: row.agent_version,
    enrolledAt: row.agent_enrolled_at?.toISOString() ?? null,
    lastSeenAt: row.agent_last_seen_at?.toISOString() ?? null,
    revokedAt: row.agent_revoked_at?.toISOString() ?? null,
    businesses: row.businesses,
  }));
  return query.state ? agents.filter((agent) => agent.agentState === query.state) : agents;
}
