// Revoking a host's agent: its token stops working at once (lib/operations/agent-token.ts reads the
// host row on every call, no cache), a long-poll it is waiting in is woken so it comes back and is
// refused, and rows still queued for it end 117 instead of waiting out the grace period. Enrolling
// again (a new enrolment token) lifts the revocation.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { closeTasks, settleRows } from "@/lib/operations/task-lifecycle";
import { WORK_CHANNEL } from "@/lib/operations/work-notifier";
import { readAgentState, type TAgentState } from "@/lib/topology/agent-state";
import { refusedInUse } from "@/lib/topology/topology-errors";
import { text } from "@/lib/core/i18n";

export type TRevokeResult = { hostId: number; agentState: TAgentState; revokedAt: string };

export async function revokeAgent(hostId: number, actor: TActor): Promise<TRevokeResult> {
  const result = await getDb().$transaction(async (tx) => {
    const [host] = await tx.$queryRaw<{ bk_cloud_id: number; bk_host_innerip: string; agent_token_hash: string | null; agent_revoked_at: Date | null; agent_last_seen_at: Date | null; agent_disconnected_at: Date | null; agent_version: string }[]>`
      SELECT bk_cloud_id, bk_host_innerip, agent_token_hash, agent_revoked_at, agent_last_seen_at, agent_disconnected_at, agent_version FROM host WHERE bk_host_id = ${hostId} FOR UPDATE`;
    if (!host) throw new ApiError("NOT_FOUND", text(`host ${hostId} does not exist`, `主机 ${hostId} 不存在`));
    const name = `${host.bk_cloud_id}:${host.bk_host_innerip}`;
    if (host.agent_revoked_at) return { hostId, agentState: "revoked" as const, revokedAt: host.agent_revoked_at.toISOString(), taskIds: [] };
    if (!host.agent_token_hash) throw refusedInUse(text(`host ${name} has no enrolled agent to revoke`, `主机 ${name} 没有已注册的 Agent，无需吊销`));

    const before = readAgentState({ agentTokenHash: host.agent_token_hash, agentRevokedAt: null, agentLastSeenAt: host.agent_last_seen_at, agentDisconnectedAt: host.agent_disconnected_at });
    const revokedAt = new Date();
    await tx.host.update({ where: { id: hostId }, data: { agentRevokedAt: revokedAt } });
    const settled = await settleRows(tx, hostId);
    await tx.$executeRaw`SELECT pg_notify(${WORK_CHANNEL}, ${String(hostId)})`;
    const [owner] = await tx.$queryRaw<{ bk_biz_id: number }[]>`
      SELECT min(m.bk_biz_id) AS bk_biz_id FROM host_module hm JOIN module m ON m.bk_module_id = hm.bk_module_id WHERE hm.bk_host_id = ${hostId} HAVING count(*) > 0`;
    await writeAuditEntries(tx, [
      {
        actor,
        bizId: owner?.bk_biz_id ?? null,
        objectType: "agent",
        objectId: hostId,
        objectName: name,
        action: "revoke",
        before: { state: before, agent_version: host.agent_version, last_seen_at: host.agent_last_seen_at?.toISOString() ?? null },
        after: { state: "revoked", revoked_at: revokedAt.toISOString(), queued_rows_ended: settled.agentGoneRows },
      },
    ]);
    return { hostId, agentState: "revoked" as const, revokedAt: revokedAt.toISOString(), taskIds: settled.taskIds };
  });
  // after the commit, as every close (lib/operations/task-lifecycle.ts): the tasks whose rows just ended
  await closeTasks(null, result.taskIds);
  return { hostId: result.hostId, agentState: result.agentState, revokedAt: result.revokedAt };
}
