// Closing the tasks agents' reports finished, batched per server instance. A report queues its
// tasks once its rows are committed; one statement at a time closes everything queued so far, so
// a thousand reports landing together cost a handful of statements, not a thousand, and no agent
// waits for it. Only a statement that starts after a report's commit may judge its task: inside the
// report's own transaction, two reports finishing a task's last rows at once would each still see
// the other's row running, and neither would close it. A lost batch (error, shutdown) is closed by
// the next sweep (settleOverdueRows).
import { getPgPool } from "@/lib/core/db";

const holder = globalThis as unknown as { procdeckTaskFinisher?: { pending: Set<string>; isRunning: boolean } };

/** Queues `taskIds` for closing; call only after the rows that may have finished them are committed. */
export function finishTasksSoon(taskIds: Iterable<string>): void {
  const state = (holder.procdeckTaskFinisher ??= { pending: new Set(), isRunning: false });
  for (const id of taskIds) state.pending.add(id);
  if (!state.isRunning && state.pending.size) void drain(state);
}

async function drain(state: { pending: Set<string>; isRunning: boolean }): Promise<void> {
  state.isRunning = true;
  try {
    while (state.pending.size) {
      const taskIds = [...state.pending];
      state.pending.clear();
      await finishTasks(taskIds).catch((error: unknown) => console.error("[procdeck] closing finished tasks failed; the next sweep retries", error));
    }
  } finally {
    state.isRunning = false;
  }
}

/** Closes those of `taskIds` with no running row left. */
export async function finishTasks(taskIds: string[]): Promise<void> {
  if (!taskIds.length) return;
  await getPgPool().query({
    name: "procdeck-finish-tasks",
    text: `UPDATE task t SET finished_at = now()
      WHERE t.id = ANY($1::text[]) AND t.finished_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM task_row r WHERE r.task_id = t.id AND r.code = 115)`,
    values: [taskIds],
  });
}
