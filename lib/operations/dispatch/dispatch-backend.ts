// Who carries out a task's rows, chosen per business by an administrator (gse-backend-config.ts):
// - procdeck (the default): Procdeck's own agents. Rows are queued for their host's agent, which
//   claims them on its long-poll (poll-agent-work.ts) and reports each (record-agent-report.ts);
// - gse: an existing BlueKing GSE reached through its API gateway. Rows are born held for the
//   collector (gse-collector.ts), which sends them with operate_proc_multi and writes GSE's results
//   into them; no Procdeck agent is needed or ever handed one.
// Either way a task is the same rows, settled and closed by task-lifecycle.ts, so the console, the audit
// trail, retries and Procdeck's own GSE/JOB result APIs read every task alike.
import "server-only";
import type { TSqlTx } from "@/lib/core/db";
import type { TProcSpec } from "@/lib/protocol/agent-protocol";
import { gseBackend } from "@/lib/operations/dispatch/gse-backend";
import { procdeckBackend } from "@/lib/operations/dispatch/procdeck-backend";

/** A task just inserted (in its transaction): the hosts with a running row, and its rows' specs. */
export type TQueuedTask = { taskId: string; bizId: number | null; hostIds: number[]; specs: TProcSpec[] };

/**
 * How rows of a backend that is not Procdeck's agents are born: claimed already, by `session` (an
 * agent's session is a random UUID, so no agent poll ever claims them), with a deadline `deadlineSecs`
 * away that the sweep of task-lifecycle.ts enforces should the collector never come back.
 */
export type TRowHold = { session: string; deadlineSecs: number };

export type TDispatchBackend = {
  kind: "procdeck" | "gse";
  /** null: rows wait for their host's Procdeck agent (and end 117 on a host no agent ever enrolled on) */
  holdFor: (specs: TProcSpec[]) => TRowHold | null;
  /** after the rows are inserted, in the same transaction: wake the agents, or queue the send */
  queue: (tx: TSqlTx, task: TQueuedTask) => Promise<void>;
};

export async function dispatchBackendOf(tx: TSqlTx, bizId: number | null): Promise<TDispatchBackend> {
  if (bizId === null) return procdeckBackend;
  const { rowCount } = await tx.query("SELECT 1 FROM gse_backend WHERE bk_biz_id = $1", [bizId]);
  return rowCount ? gseBackend : procdeckBackend;
}
