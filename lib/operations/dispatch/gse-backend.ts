// The gse backend: a task of a business that dispatches to an existing GSE is queued for the
// collector (gse-collector.ts) as one gse_dispatch row, in the task's transaction. The collector
// gives up on rows still running at give_up_at (the longest op_timeout + start check of its rows,
// the report slack and GSE_MARGIN_SECS for the round trips); their own deadline lies further out, so
// the sweep of task-lifecycle.ts ends them only if no collector runs at all.
import "server-only";
import { readOperationsEnv } from "@/lib/core/env";
import type { TProcSpec } from "@/lib/protocol/agent-protocol";
import type { TDispatchBackend } from "@/lib/operations/dispatch/dispatch-backend";

/** claim_session of rows held for GSE */
export const GSE_SESSION = "gse";
const GSE_MARGIN_SECS = 20;
const SWEEP_MARGIN_SECS = 30;

export function giveUpSecsOf(specs: TProcSpec[]): number {
  const longest = Math.max(0, ...specs.map((spec) => spec.opTimeout + spec.startCheckSecs));
  return longest + readOperationsEnv().PROCDECK_REPORT_SLACK_SECS + GSE_MARGIN_SECS;
}

export const gseBackend: TDispatchBackend = {
  kind: "gse",
  holdFor: (specs) => ({ session: GSE_SESSION, deadlineSecs: giveUpSecsOf(specs) + SWEEP_MARGIN_SECS }),
  queue: async (tx, task) => {
    if (!task.hostIds.length || task.bizId === null) return;
    await tx.query("INSERT INTO gse_dispatch (task_id, bk_biz_id, give_up_at) VALUES ($1, $2, now() + make_interval(secs => $3::float8))", [task.taskId, task.bizId, giveUpSecsOf(task.specs)]);
  },
};
