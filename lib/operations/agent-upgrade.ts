// Agent self-upgrades asked from the console. The request marks the hosts (one transaction with its
// audit rows) and wakes their long-polls; a poll hands the order to the agent (the poll reply's
// `upgrade`, lib/agent/self-upgrade.ts does the work), the agent reports downloading / restarting /
// failed, and its first poll with the new version marks it done. An agent that comes back from
// "restarting" still at its old version has failed (its new file did not start).
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb, getPgPool } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";
import { readServedManifest } from "@/lib/topology/agent-manifest";
import { encodeWorkNotices, WORK_CHANNEL } from "@/lib/operations/work-notifier";
import type { TUpgradeOrder, TUpgradeProgress } from "@/lib/protocol/agent-protocol";
import { refusedInUse } from "@/lib/topology/topology-errors";

export type TUpgradeState = "requested" | "downloading" | "restarting" | "done" | "failed";
export type TUpgradeView = { state: TUpgradeState; version: string; message: string; at: string | null };
export type TRequestUpgradeResult = { version: string; hostIds: number[] };

export async function requestAgentUpgrade(hostIds: number[], actor: TActor): Promise<TRequestUpgradeResult> {
  const manifest = readServedManifest();
  if (!manifest) throw new ApiError("UNAVAILABLE", text("the agent is not built on this server (npm run build:agent)", "服务器上尚未构建 Agent（npm run build:agent）"));
  const ids = [...new Set(hostIds)];
  return getDb().$transaction(async (tx) => {
    const hosts = await tx.$queryRaw<{ bk_host_id: number; bk_cloud_id: number; bk_host_innerip: string; agent_token_hash: string | null; agent_revoked_at: Date | null; agent_version: string }[]>`
      SELECT bk_host_id, bk_cloud_id, bk_host_innerip, agent_token_hash, agent_revoked_at, agent_version FROM host WHERE bk_host_id = ANY(${ids}::int[]) ORDER BY bk_host_id FOR UPDATE`;
    const missing = ids.filter((id) => !hosts.some((host) => host.bk_host_id === id));
    if (missing.length) throw new ApiError("NOT_FOUND", text(`no host ${missing.join(", ")}`, `主机 ${missing.join(", ")} 不存在`));
    const without = hosts.filter((host) => !host.agent_token_hash || host.agent_revoked_at);
    if (without.length) {
      const names = without.map((host) => `${host.bk_cloud_id}:${host.bk_host_innerip}`).join(", ");
      throw refusedInUse(text(`no enrolled agent to upgrade on ${names}; nothing was changed`, `${names} 没有已注册的 Agent 可升级；未做任何更改`));
    }
    await tx.$executeRaw`
      UPDATE host SET agent_upgrade_state = 'requested', agent_upgrade_version = ${manifest.version}, agent_upgrade_message = '', agent_upgrade_at = now()
      WHERE bk_host_id = ANY(${ids}::int[])`;
    await writeAuditEntries(
      tx,
      hosts.map((host) => ({
        actor,
        bizId: null,
        objectType: "agent",
        objectId: host.bk_host_id,
        objectName: `${host.bk_cloud_id}:${host.bk_host_innerip}`,
        action: "upgrade",
        before: { agent_version: host.agent_version },
        after: { agent_version: manifest.version, state: "requested" },
      })),
    );
    const notices = encodeWorkNotices(ids);
    if (notices.length) await tx.$executeRaw`SELECT pg_notify(${WORK_CHANNEL}, notice) FROM unnest(${notices}::text[]) AS notice`;
    return { version: manifest.version, hostIds: ids };
  });
}

/**
 * On a poll, after its heartbeat recorded `version`: settles an upgrade the agent finished (or came
 * back from without finishing) and returns the order a requested upgrade still waits on.
 */
export async function readUpgradeOrder(hostId: number, version: string, isSettling: boolean): Promise<TUpgradeOrder | undefined> {
  const { rows } = await getPgPool().query<{ state: string | null; target: string }>({
    name: isSettling ? "procdeck-agent-upgrade-settle" : "procdeck-agent-upgrade-read",
    text: isSettling
      ? `WITH settled AS (
           UPDATE host SET
             agent_upgrade_state = CASE WHEN agent_upgrade_version = $2 THEN 'done' ELSE 'failed' END,
             agent_upgrade_message = CASE WHEN agent_upgrade_version = $2 THEN '' ELSE 'the agent came back at version ' || $2 END,
             agent_upgrade_at = now()
           WHERE bk_host_id = $1 AND (agent_upgrade_state = 'restarting' OR (agent_upgrade_state IN ('requested', 'downloading') AND agent_upgrade_version = $2))
           RETURNING agent_upgrade_state)
         SELECT coalesce((SELECT agent_upgrade_state FROM settled), h.agent_upgrade_state) AS state, h.agent_upgrade_version AS target FROM host h WHERE h.bk_host_id = $1`
      : "SELECT agent_upgrade_state AS state, agent_upgrade_version AS target FROM host WHERE bk_host_id = $1",
    values: isSettling ? [hostId, version] : [hostId],
  });
  const row = rows[0];
  return row?.state === "requested" && row.target !== version ? { version: row.target } : undefined;
}

/** The agent's own account of its upgrade; ignored once the upgrade is settled (or never asked). */
export async function recordUpgradeProgress(hostId: number, progress: TUpgradeProgress): Promise<void> {
  await getPgPool().query({
    name: "procdeck-agent-upgrade-progress",
    text: `UPDATE host SET agent_upgrade_state = $2, agent_upgrade_message = $3, agent_upgrade_at = now()
           WHERE bk_host_id = $1 AND agent_upgrade_state IN ('requested', 'downloading', 'restarting')`,
    values: [hostId, progress.state, progress.message],
  });
}
