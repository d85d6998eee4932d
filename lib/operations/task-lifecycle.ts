// A task row starts at 115 (create-task.ts), is claimed by its host's agent (poll-agent-work.ts) and
// ends with the agent's report (record-agent-report.ts) — or here, when no report can come. A task is
// closed here once none of its rows runs; finished_at is written nowhere else, so it is the only end
// the console ever shows. One statement each:
// - SETTLE_ROWS_SQL: unclaimed rows of a host whose agent is offline, revoked or never enrolled end 117
//   after a short grace (at once for a host being revoked); claimed rows not reported by their deadline
//   (op_timeout + slack), and unclaimed rows older than op_timeout + grace, end 65535;
// - CLOSE_TASKS_SQL: open tasks (all, or the ones named) with no running row left get finished_at.
// When they run:
// - settleOverdueRows: lazily wherever rows are read or claimed (any instance, no timer), at most once
//   per SETTLE_INTERVAL_MS per server instance — a thousand agents polling at once must not each sweep
//   the table. It settles, then closes every open task: the safety net for a lost batch below.
// - closeTasksSoon: after a report's commit, for the tasks that report touched, batched per instance.
//   Only a statement that starts after a report's commit may judge its task: inside the report's own
//   transaction, two reports finishing a task's last rows at once would each still see the other's row
//   running, and neither would close it. One statement at a time closes everything queued so far, so a
//   thousand reports landing together cost a handful of statements, and no agent waits for it.
// - closeTasks directly: a task created with every row already ended (create-task.ts, in its
//   transaction), a revoke's tasks (revoke-agent.ts), and a task read finished but not yet closed
//   (closeTaskIfDone, get-task-detail.ts).
import "server-only";
import { getDb, getPgPool, type TSqlTx, type TTx } from "@/lib/core/db";
import { readOperationsEnv } from "@/lib/core/env";
import { AGENT_OFFLINE_AFTER_SECS } from "@/lib/protocol/agent-protocol";
import { RESULT_CODE } from "@/lib/protocol/result-codes";

/** Deadlines are whole seconds or more: a sweep per second per instance is soon enough. */
const SETTLE_INTERVAL_MS = 1000;

// The codes are spliced from the protocol's constants, not bound: a literal `code = 115` lets the
// planner use the partial index task_row_running_idx (WHERE code = 115) in every plan.
// $1 grace secs, $2 offline-after secs, $3 a host being revoked (its unclaimed rows end without grace,
// and only its rows are looked at) or null for all hosts.
const SETTLE_ROWS_SQL = `
  UPDATE task_row r SET finished_at = now(),
    code = CASE WHEN s.is_agent_gone THEN ${RESULT_CODE.AGENT_OFFLINE} ELSE ${RESULT_CODE.COMMAND_FAILED} END,
    message = CASE WHEN NOT s.is_agent_gone THEN 'no result within op_timeout (' || (r.spec->>'opTimeout') || ' s): the agent stopped or lost its connection'
                   WHEN s.is_revoked THEN 'the agent of this host was revoked'
                   WHEN s.is_never_enrolled THEN 'no agent has enrolled on this host'
                   ELSE 'the agent of this host is offline' END
  FROM (
    SELECT q.id, h.agent_revoked_at IS NOT NULL AS is_revoked, h.agent_token_hash IS NULL AS is_never_enrolled,
      coalesce(q.claimed_at IS NULL AND h.bk_host_id IS NOT NULL
        AND (q.bk_host_id = $3 OR q.created_at < now() - make_interval(secs => $1::int))
        AND (h.agent_revoked_at IS NOT NULL OR h.agent_last_seen_at IS NULL OR h.agent_last_seen_at < now() - make_interval(secs => $2::int) OR h.agent_disconnected_at IS NOT NULL), false) AS is_agent_gone,
      coalesce((q.claimed_at IS NOT NULL AND q.deadline < now())
        OR (q.claimed_at IS NULL AND q.created_at < now() - make_interval(secs => (q.spec->>'opTimeout')::int + $1::int)), false) AS is_overdue
    FROM task_row q LEFT JOIN host h ON h.bk_host_id = q.bk_host_id
    WHERE q.code = ${RESULT_CODE.RUNNING} AND ($3::int IS NULL OR q.bk_host_id = $3)
      -- neither rule can hold before the grace, a deadline or a revoke: keeps the join to the few candidates
      AND (q.claimed_at IS NOT NULL AND q.deadline < now() OR q.claimed_at IS NULL AND (q.bk_host_id = $3 OR q.created_at < now() - make_interval(secs => $1::int)))
  ) s
  WHERE r.id = s.id AND r.code = ${RESULT_CODE.RUNNING} AND (s.is_agent_gone OR s.is_overdue)
  RETURNING r.task_id, r.code`;

// $1 the task ids, or null for every open task. Run unprepared (planned for its arguments each time):
// named ids go through the primary key, null through the partial index task_unfinished_idx, so the
// sweep stays proportional to open tasks, not to history.
// The end is when its last row ended, not when the close ran (a batch lost, a sweep or a read much
// later): a finished task's duration is fixed by its rows. Rows' ends may come from an agent's clock,
// so the end is kept between the task's start and now.
const CLOSE_TASKS_SQL = `
  UPDATE task t SET finished_at = LEAST(now(), GREATEST(t.created_at, (SELECT max(r.finished_at) FROM task_row r WHERE r.task_id = t.id)))
  WHERE t.finished_at IS NULL AND ($1::text[] IS NULL OR t.id = ANY($1::text[]))
    AND NOT EXISTS (SELECT 1 FROM task_row r WHERE r.task_id = t.id AND r.code = ${RESULT_CODE.RUNNING})
  RETURNING t.id`;

type TSettled = { taskIds: string[]; agentGoneRows: number };

/** Ends the rows no report will end; `revokedHostId`: only that host's, its queued ones at once. In `tx` when given. */
export async function settleRows(tx: TTx | null, revokedHostId: number | null = null): Promise<TSettled> {
  const env = readOperationsEnv();
  const values = [env.PROCDECK_AGENT_GRACE_SECS, AGENT_OFFLINE_AFTER_SECS, revokedHostId];
  type TRow = { task_id: string; code: number };
  const rows = tx ? await tx.$queryRawUnsafe<TRow[]>(SETTLE_ROWS_SQL, ...values) : (await getPgPool().query<TRow>(SETTLE_ROWS_SQL, values)).rows;
  return { taskIds: [...new Set(rows.map((row) => row.task_id))], agentGoneRows: rows.filter((row) => row.code === RESULT_CODE.AGENT_OFFLINE).length };
}

/** Closes those of `taskIds` (null: every open task) with no running row left; answers the ids it closed. In `tx` when given. */
export async function closeTasks(tx: TSqlTx | null, taskIds: string[] | null): Promise<string[]> {
  if (taskIds && !taskIds.length) return [];
  const { rows } = await (tx ?? getPgPool()).query<{ id: string }>(CLOSE_TASKS_SQL, [taskIds]);
  return rows.map((row) => row.id);
}

const sweepHolder = globalThis as unknown as { procdeckLastSettleAt?: number };

/** The sweep: settles overdue rows, then closes every open task; at most once per SETTLE_INTERVAL_MS per instance. */
export async function settleOverdueRows(): Promise<void> {
  const now = Date.now();
  if (now - (sweepHolder.procdeckLastSettleAt ?? 0) < SETTLE_INTERVAL_MS) return;
  // claimed before the first await, so callers arriving meanwhile skip instead of sweeping too
  sweepHolder.procdeckLastSettleAt = now;
  await settleRows(null);
  // every open task, not only those just settled: this also closes a task whose batch was lost
  await closeTasks(null, null);
}

/**
 * A task read with no running row but no end yet (its report's batch has not run): closed now, and
 * what is then stored is answered — the end is never made up from its rows.
 */
export async function closeTaskIfDone(taskId: string): Promise<Date | null> {
  await closeTasks(null, [taskId]);
  const task = await getDb().task.findUnique({ where: { id: taskId }, select: { finishedAt: true } });
  return task?.finishedAt ?? null;
}

type TBatch = { pending: Set<string>; isRunning: boolean };

const batchHolder = globalThis as unknown as { procdeckTaskFinisher?: TBatch };

/** Queues `taskIds` for closing; call only after the rows that may have finished them are committed. */
export function closeTasksSoon(taskIds: Iterable<string>): void {
  const batch = (batchHolder.procdeckTaskFinisher ??= { pending: new Set(), isRunning: false });
  for (const id of taskIds) batch.pending.add(id);
  if (!batch.isRunning && batch.pending.size) void drain(batch);
}

async function drain(batch: TBatch): Promise<void> {
  batch.isRunning = true;
  try {
    while (batch.pending.size) {
      const taskIds = [...batch.pending];
      batch.pending.clear();
      await closeTasks(null, taskIds).catch((error: unknown) => console.error("[procdeck] closing finished tasks failed; the next sweep retries", error));
    }
  } finally {
    batch.isRunning = false;
  }
}
