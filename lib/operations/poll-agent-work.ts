// An agent's long-poll: heartbeat, record its managed list (when it sent one), then claim its queued rows
// (FOR UPDATE SKIP LOCKED, so concurrent polls and instances never hand out a row twice). With
// nothing queued it waits for a NOTIFY for its host, up to waitMs.
import "server-only";
import { getPgPool } from "@/lib/core/db";
import { readOperationsEnv } from "@/lib/core/env";
import type { TPollReply, TPollRequest, TProcSpec, TWorkItem } from "@/lib/protocol/agent-protocol";
import { RESULT_CODE } from "@/lib/protocol/result-codes";
import type { TAgentHost } from "@/lib/operations/agent-token";
import { readUpgradeOrder } from "@/lib/operations/agent-upgrade";
import { recordManagedStates } from "@/lib/operations/record-managed-states";
import { settleOverdueRows } from "@/lib/operations/task-lifecycle";
import { getWorkNotifier } from "@/lib/operations/work-notifier";

const CLAIM_BATCH = 100;

export async function pollAgentWork(host: TAgentHost, input: TPollRequest, signal?: AbortSignal): Promise<TPollReply> {
  const subscription = await getWorkNotifier().subscribe(host.id);
  // the heartbeat goes with the first claim, before the sweep, so a returning agent's own sweep never
  // counts it offline
  let work = await claimWork(host.id, { version: input.version, platform: input.platform });
  await recordManagedStates(null, host.id, input.managed);
  await settleOverdueRows();
  // only agents that report their platform know the upgrade order; an older one would get it (and
  // ignore it) on every poll, answered at once instead of waiting: a busy loop
  const canUpgrade = input.platform !== undefined;
  let upgrade = canUpgrade ? await readUpgradeOrder(host.id, input.version, true) : undefined;
  if (work.length || upgrade || input.waitMs === 0) {
    subscription.cancel();
    return { work, ...(upgrade && { upgrade }) };
  }
  await subscription.wait(input.waitMs, signal);
  // an agent that hung up would never receive what it claimed: its rows would sit until their deadline
  if (signal?.aborted) return { work: [] };
  work = await claimWork(host.id);
  upgrade = canUpgrade ? await readUpgradeOrder(host.id, input.version, false) : undefined;
  return { work, ...(upgrade && { upgrade }) };
}

/**
 * Claims up to CLAIM_BATCH queued rows; with `heartbeat`, also records that the agent is alive (same
 * statement). On the pool directly, as a prepared statement: every agent runs it on every poll.
 */
async function claimWork(hostId: number, heartbeat?: { version: string; platform?: string }): Promise<TWorkItem[]> {
  const { rows } = await getPgPool().query<{ id: string; op_type: number; namespace: string; name: string; spec: TProcSpec }>({
    name: "procdeck-agent-claim",
    text: `
      WITH seen AS (
        UPDATE host SET agent_last_seen_at = now(), agent_version = $2, agent_platform = coalesce($6, agent_platform) WHERE bk_host_id = $1 AND $3::boolean
      )
      UPDATE task_row r SET claimed_at = now(),
        deadline = now() + make_interval(secs => (r.spec->>'opTimeout')::int + (r.spec->>'startCheckSecs')::int + $4)
      WHERE r.id IN (
        SELECT id FROM task_row WHERE bk_host_id = $1 AND code = ${RESULT_CODE.RUNNING} AND claimed_at IS NULL
          -- a revoke that lands while the poll waits: the agent gets nothing more
          AND NOT EXISTS (SELECT 1 FROM host h WHERE h.bk_host_id = $1 AND h.agent_revoked_at IS NOT NULL)
        ORDER BY id LIMIT $5 FOR UPDATE SKIP LOCKED)
      RETURNING r.id, r.op_type, r.namespace, r.name, r.spec`,
    values: [hostId, heartbeat?.version ?? "", heartbeat !== undefined, readOperationsEnv().PROCDECK_REPORT_SLACK_SECS, CLAIM_BATCH, heartbeat?.platform ?? null],
  });
  // bigint ids arrive as text from pg
  return rows.map((row) => ({ rowId: String(row.id), opType: row.op_type, namespace: row.namespace, name: row.name, spec: row.spec }));
}
