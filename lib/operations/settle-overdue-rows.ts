// Nothing stays at 115 forever. Run lazily wherever rows are read or claimed (any instance, no timer),
// but at most once per SETTLE_INTERVAL_MS per server instance: a thousand agents polling at once
// must not each sweep the table.
// - unclaimed rows of a host whose agent is offline or revoked end 117 after a short grace;
// - claimed rows not reported by their deadline (op_timeout + grace) end as failed;
// - unclaimed rows older than their op_timeout + grace end as failed too;
// - open tasks with no running row left get their finished_at.
import { getDb } from "@/lib/core/db";
import { readOperationsEnv } from "@/lib/core/env";
import { AGENT_OFFLINE_AFTER_SECS, RESULT_CODE } from "@/lib/protocol/agent-protocol";

/** Deadlines are whole seconds or more: a sweep per second per instance is soon enough. */
const SETTLE_INTERVAL_MS = 1000;

const holder = globalThis as unknown as { procdeckLastSettleAt?: number };

export async function settleOverdueRows(): Promise<void> {
  const now = Date.now();
  if (now - (holder.procdeckLastSettleAt ?? 0) < SETTLE_INTERVAL_MS) return;
  // claimed before the first await, so callers arriving meanwhile skip instead of sweeping too
  holder.procdeckLastSettleAt = now;
  const db = getDb();
  await db.$executeRaw`
    UPDATE task_row r SET code = ${RESULT_CODE.AGENT_OFFLINE}, finished_at = now(),
      message = CASE WHEN h.agent_revoked_at IS NOT NULL THEN 'the agent of this host was revoked'
                     WHEN h.agent_last_seen_at IS NULL THEN 'no agent has enrolled on this host'
                     ELSE 'the agent of this host is offline' END
    FROM host h
    WHERE r.bk_host_id = h.bk_host_id AND r.code = 115 AND r.claimed_at IS NULL
      AND r.created_at < now() - make_interval(secs => ${readOperationsEnv().PROCDECK_AGENT_GRACE_SECS})
      AND (h.agent_revoked_at IS NOT NULL OR h.agent_last_seen_at IS NULL
           OR h.agent_last_seen_at < now() - make_interval(secs => ${AGENT_OFFLINE_AFTER_SECS}))`;
  await db.$executeRaw`
    UPDATE task_row SET code = ${RESULT_CODE.COMMAND_FAILED}, finished_at = now(),
      message = 'no result within op_timeout (' || (spec->>'opTimeout') || ' s): the agent stopped or lost its connection'
    WHERE code = 115 AND (
      (claimed_at IS NOT NULL AND deadline < now())
      OR (claimed_at IS NULL AND created_at < now() - make_interval(secs => (spec->>'opTimeout')::int + ${readOperationsEnv().PROCDECK_AGENT_GRACE_SECS})))`;
  // every open task, not only those the two updates touched: this also closes a task whose closing
  // after a report was lost (lib/operations/task-finisher.ts runs it after the report's commit)
  await finishSettledTasks();
}

/** Closes every open task with no running row left; the partial index task_unfinished_idx keeps this proportional to open tasks, not to history. */
export async function finishSettledTasks(): Promise<void> {
  await getDb().$executeRaw`
    UPDATE task t SET finished_at = now()
    WHERE t.finished_at IS NULL AND NOT EXISTS (SELECT 1 FROM task_row r WHERE r.task_id = t.id AND r.code = 115)`;
}
