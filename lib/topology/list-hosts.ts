// The hosts page and the topology page: every host placed in a module of the business, with its
// modules (labels for people, ids for the topology tree) and its agent's state.
import "server-only";
import { getDb } from "@/lib/core/db";
import { readAgentState, type TAgentState } from "@/lib/topology/agent-state";
import { readServerAgentVersion } from "@/lib/topology/agent-manifest";
import { compareVersions } from "@/lib/protocol/agent-artifacts";

export type THostView = {
  hostId: number;
  ip: string;
  cloudId: number;
  /** GSE 2.0's bk_agent_id: stable for the host's life, what the v2 process API names it by */
  agentId: string;
  hostName: string;
  /** "set / module", sorted */
  modules: string[];
  moduleIds: number[];
  agentState: TAgentState;
  agentVersion: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** "<os>-<arch>" the agent reported; "" before it did */
  agentPlatform: string;
  /** the agent runs a version older than the server's build (lib/operations/agent-distribution.ts) */
  isAgentOutdated: boolean;
  /** the last self-upgrade asked for from the console, with its progress; null: none */
  agentUpgrade: { state: string; version: string; message: string; at: string | null } | null;
};

export async function listHosts(bizId: number): Promise<THostView[]> {
  const rows = await getDb().$queryRaw<
   { bk_host_id: number; bk_host_innerip: string; bk_cloud_id: number; bk_agent_id: string; bk_host_name: string; modules: string[]; module_ids: number[]; agent_version: string; agent_last_seen_at: Date | null; agent_disconnected_at: Date | null; agent_revoked_at: Date | null; agent_token_hash: string | null; agent_platform: string; agent_upgrade_state: string | null; agent_upgrade_version: string; agent_upgrade_message: string; agent_upgrade_at: Date | null }[]
  >`
    SELECT h.bk_host_id, h.bk_host_innerip, h.bk_cloud_id, h.bk_agent_id, h.bk_host_name, h.agent_version, h.agent_last_seen_at, h.agent_disconnected_at, h.agent_revoked_at, h.agent_token_hash,
      h.agent_platform, h.agent_upgrade_state, h.agent_upgrade_version, h.agent_upgrade_message, h.agent_upgrade_at,
      array_agg(s.bk_set_name || ' / ' || m.bk_module_name ORDER BY s.bk_set_name, m.bk_module_name) AS modules,
      array_agg(m.bk_module_id ORDER BY m.bk_module_id) AS module_ids
    FROM host h
    JOIN host_module hm ON hm.bk_host_id = h.bk_host_id
    JOIN module m ON m.bk_module_id = hm.bk_module_id AND m.bk_biz_id = ${bizId}
    JOIN "set" s ON s.bk_set_id = m.bk_set_id
    GROUP BY h.bk_host_id
    ORDER BY h.bk_cloud_id, h.bk_host_innerip`;
  const now = Date.now();
  const serverVersion = readServerAgentVersion();
  return rows.map((row) => ({
    hostId: row.bk_host_id,
    ip: row.bk_host_innerip,
    cloudId: row.bk_cloud_id,
    agentId: row.bk_agent_id,
    hostName: row.bk_host_name,
    modules: row.modules,
    moduleIds: row.module_ids,
    agentVersion: row.agent_version,
    lastSeenAt: row.agent_last_seen_at?.toISOString() ?? null,
    revokedAt: row.agent_revoked_at?.toISOString() ?? null,
    agentPlatform: row.agent_platform,
    isAgentOutdated: Boolean(serverVersion && row.agent_token_hash && row.agent_version && compareVersions(row.agent_version, serverVersion) < 0),
    agentUpgrade: row.agent_upgrade_state
      ? { state: row.agent_upgrade_state, version: row.agent_upgrade_version, message: row.agent_upgrade_message, at: row.agent_upgrade_at?.toISOString() ?? null }
      : null,
    agentState: readAgentState({ agentTokenHash: row.agent_token_hash, agentRevokedAt: row.agent_revoked_at, agentLastSeenAt: row.agent_last_seen_at, agentDisconnectedAt: row.agent_disconnected_at }, now),
  }));
}
