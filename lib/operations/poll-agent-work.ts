// An agent's long-poll: heartbeat, record its managed list (when it sent one), then claim its queued rows
// (FOR UPDATE SKIP LOCKED, so concurrent polls and instances never hand out a row twice). With
// nothing queued it waits for a NOTIFY for its host, up to waitMs.
// Presence: each heartbeat names its poll (agent_poll_id) and clears agent_disconnected_at; a waiting
// poll whose agent hangs up (the agent died, its socket closed) sets it at once, if it is still the
// host's latest poll — so the host reads offline in every instance within a second, not after
// AGENT_OFFLINE_AFTER_SECS (which stays the rule for a silent network cut).
import "server-only";
import { randomUUID } from "node:crypto";
import { getPgPool } from "@/lib/core/db";
import { readOperationsEnv } from "@/lib/core/env";
import type { TPollReply, TPollRequest, TProcSpec, TWorkItem } from "@/lib/protocol/agent-protocol";
import { RESULT_CODE } from "@/lib/protocol/result-codes";
import type { TAgentHost } from "@/lib/operations/agent-token";
import { readUpgradeOrder } from "@/lib/operations/agent-upgrade";
import { recordManagedStates } from "@/lib/operations/record-managed-states";
import { recordProcessStats } from "@/lib/operations/record-process-stats";
import { settleOverdueRows } from "@/lib/operations/task-lifecycle";
import { getWorkNotifier } from "@/lib/operations/work-notifier";

const CLAIM_BATCH = 100;

export async function pollAgentWork(host: TAgentHost, input: TPollRequest, signal?: AbortSignal): Promise<TPollReply> {
  const subscription = await getWorkNotifier().subscribe(host.id);
  // the heartbeat goes with the first claim, before the sweep, so a returning agent's own sweep never
  // counts it offline
  const pollId = randomUUID();
  const receiver = { session: input.session ?? null, holding: input.holding };
  let work = await claimWork(host.id, receiver, { version: input.version, platform: input.platform, pollId });
  await recordManagedStates(null, host.id, input.managed);
  await recordProcessStats(host.id, input.stats);
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
  if (signal?.aborted) {
    await markDisconnected(host.id, pollId);
    return { work: [] };
  }
  work = await claimWork(host.id, receiver);
  upgrade = canUpgrade ? await readUpgradeOrder(host.id, input.version, false) : undefined;
  return { work, ...(upgrade && { upgrade }) };
}

/**
 * Claims up to CLAIM_BATCH queued rows; with `heartbeat`, also records that the agent is alive (same
 * statement). On the pool directly, as a prepared statement: every agent runs it on every poll.
 * Rows claimed earlier for the same agent session that the agent does not hold are claimed again:
 * the reply that carried them was lost (an instance killed after claiming, a dropped connection).
 */
async function claimWork(hostId: number, receiver: { session: string | null; holding: string[] }, heartbeat?: { version: string; platform?: string; pollId: string }): Promise<TWorkItem[]> {
  const { rows } = await getPgPool().query<{ id: string; op_type: number; namespace: string; name: string; spec: TProcSpec }>({
    name: "procdeck-agent-claim",
    text: `
      WITH seen AS (
        UPDATE host SET agent_last_seen_at = now(), agent_version = $2, agent_platform = coalesce($6, agent_platform), agent_poll_id = $7, agent_disconnected_at = NULL WHERE bk_host_id = $1 AND $3::boolean
      )
      UPDATE task_row r SET claimed_at = now(), claim_session = $8,
        deadline = now() + make_interval(secs => (r.spec->>'opTimeout')::int + (r.spec->>'startCheckSecs')::int + $4)
      WHERE r.id IN (
        SELECT id FROM task_row WHERE bk_host_id = $1 AND code = ${RESULT_CODE.RUNNING}
          AND (claimed_at IS NULL OR ($8::text IS NOT NULL AND claim_session = $8 AND NOT (id::text = ANY($9::text[]))))
          -- a revoke that lands while the poll waits: the agent gets nothing more
          AND NOT EXISTS (SELECT 1 FROM host h WHERE h.bk_host_id = $1 AND h.agent_revoked_at IS NOT NULL)
        ORDER BY id LIMIT $5 FOR UPDATE SKIP LOCKED)
      RETURNING r.id, r.op_type, r.namespace, r.name, r.spec`,
    values: [hostId, heartbeat?.version ?? "", heartbeat !== undefined, readOperationsEnv().PROCDECK_REPORT_SLACK_SECS, CLAIM_BATCH, heartbeat?.platform ?? null, heartbeat?.pollId ?? null, receiver.session, receiver.holding],
  });
  // bigint ids arrive as text from pg
  return rows.map((row) => ({ rowId: String(row.id), opType: row.op_type, namespace: row.namespace, name: row.name, spec: row.spec }));
}

/** The agent hung up on its latest poll: offline now (a newer poll of the same agent has already taken over otherwise). */
async function markDisconnected(hostId: number, pollId: string): Promise<void> {
  await getPgPool().query({
    name: "procdeck-agent-hung-up",
    text: "UPDATE host SET agent_disconnected_at = now() WHERE bk_host_id = $1 AND agent_poll_id = $2",
    values: [hostId, pollId],
  });
}
