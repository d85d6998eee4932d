// An operation is stored before the reply: one task and one row per (host × process), in one
// transaction, with its audit entry. Its business's dispatch backend (lib/operations/dispatch/) then
// queues it: waiting agents are woken by NOTIFY (sent at commit), or the task is queued for an existing GSE.
import "server-only";
import { writeAuditEntriesSql, type TActor } from "@/lib/core/write-audit-entry";
import { runInSqlTransaction, type TSqlTx } from "@/lib/core/db";
import type { TProcSpec } from "@/lib/protocol/agent-protocol";
import { RESULT_CODE } from "@/lib/protocol/result-codes";
import { toStorableText } from "@/lib/protocol/storable-text";
import { closeTasks } from "@/lib/operations/task-lifecycle";
import { nextTaskId } from "@/lib/operations/task-id";
import { dispatchBackendOf, type TRowHold } from "@/lib/operations/dispatch/dispatch-backend";

/** opType overrides the task's for this row (operate_proc_multi mixes operations in one task). */
export type TTaskTarget = {
  cloudId: number;
  ip: string;
  namespace: string;
  name: string;
  spec: TProcSpec;
  opType?: number;
  /** GSE meta.labels, every value a string */
  labels?: Record<string, string>;
  /** GSE v1 hosts[].bk_supplier_id, kept for the v1 result key */
  supplierId?: number;
  /** GSE 2.0: the agent id the request named the host by */
  agentRef?: string;
};

export type TCreateTaskInput = {
  source: "gse" | "job" | "console";
  opType: number;
  bizId: number | null;
  actor: TActor;
  targets: TTaskTarget[];
  processId?: number;
  /** every catalogue process of a console task (a bulk operation has several), for the audit entry */
  processIds?: number[];
  retryOf?: string;
};

export async function createTask(input: TCreateTaskInput): Promise<string> {
  // on the pool, not through Prisma: the rows' JSON is the largest parameter the server ever sends, and
  // Prisma would keep it in memory after the reply (lib/core/db.ts)
  return runInSqlTransaction(async (tx) => {
    const taskId = await nextTaskId(tx);
    await tx.query(
      `INSERT INTO task (id, source, op_type, bk_biz_id, requested_by, app_code, bk_process_id, retry_of, row_count) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [taskId, input.source, input.opType, input.bizId, input.actor.name, input.actor.appCode ?? null, input.processId ?? null, input.retryOf ?? null, input.targets.length],
    );
    const backend = await dispatchBackendOf(tx, input.bizId);
    const specs = input.targets.map((target) => target.spec);
    const hostIds = await insertRows(tx, taskId, input, backend.holdFor(specs));
    await backend.queue(tx, { taskId, bizId: input.bizId, hostIds, specs });
    // no host that can answer: every row was born ended (117), so the task is closed before the reply
    if (!hostIds.length) await closeTasks(tx, [taskId]);
    await writeAuditEntriesSql(tx, [
      {
        actor: input.actor,
        bizId: input.bizId,
        objectType: "task",
        objectId: taskId,
        objectName: [...new Set(input.targets.map((t) => t.name))].join(", ").slice(0, 200),
        action: "operate",
        after: { op_type: input.opType, source: input.source, rows: input.targets.length, process_id: input.processId ?? null, ...(input.processIds && input.processIds.length > 1 ? { process_ids: input.processIds } : {}), retry_of: input.retryOf ?? null },
      },
    ]);
    return taskId;
  });
}

/**
 * Every row in one statement (one jsonb parameter, however many targets), each matched to its host
 * by (cloud, ip); answers the distinct hosts with a row to run. A host the topology does not know, or
 * one no agent ever enrolled on, can never answer: its row ends 117 at once (an enrolled agent that is
 * offline gets the grace of task-lifecycle.ts: it may be restarting). Rows `hold` keeps for another
 * backend need no Procdeck agent: they are born claimed by its session, with its deadline.
 */
async function insertRows(tx: TSqlTx, taskId: string, input: TCreateTaskInput, hold: TRowHold | null): Promise<number[]> {
  const rows = input.targets.map((target, n) => ({
    n,
    cloudId: target.cloudId,
    ip: target.ip,
    namespace: target.namespace,
    name: target.name,
    opType: target.opType ?? input.opType,
    spec: target.spec,
    labels: target.labels ?? {},
    supplierId: target.supplierId ?? null,
    agentRef: target.agentRef ?? null,
  }));
  const { rows: known } = await tx.query<{ bk_host_id: number }>(
    `WITH inserted AS (
      INSERT INTO task_row (task_id, bk_host_id, bk_cloud_id, ip, namespace, name, op_type, spec, labels, bk_supplier_id, agent_ref, code, message, finished_at, claimed_at, claim_session, deadline)
      SELECT $1, h.bk_host_id, x."cloudId", x.ip, x.namespace, x.name, x."opType", x.spec, x.labels, x."supplierId", x."agentRef",
        CASE WHEN h.bk_host_id IS NULL OR (h.agent_token_hash IS NULL AND NOT y.is_held) THEN $2::int ELSE $3::int END,
        CASE WHEN h.bk_host_id IS NOT NULL AND (h.agent_token_hash IS NOT NULL OR y.is_held) THEN ''
          WHEN h.bk_host_id IS NOT NULL THEN 'no agent has enrolled on this host'
          WHEN x.ip = '' THEN 'agent ' || x."agentRef" || ' is not known to Procdeck'
          ELSE 'host ' || x."cloudId" || ':' || x.ip || ' is not known to Procdeck' END,
        CASE WHEN h.bk_host_id IS NULL OR (h.agent_token_hash IS NULL AND NOT y.is_held) THEN now() END,
        CASE WHEN h.bk_host_id IS NOT NULL AND y.is_held THEN now() END,
        CASE WHEN h.bk_host_id IS NOT NULL AND y.is_held THEN $4::text END,
        CASE WHEN h.bk_host_id IS NOT NULL AND y.is_held THEN now() + make_interval(secs => $5::int) END
      FROM jsonb_to_recordset($6::jsonb)
        AS x(n int, "cloudId" int, ip text, namespace text, name text, "opType" int, spec jsonb, labels jsonb, "supplierId" int, "agentRef" text)
      CROSS JOIN (SELECT $7::boolean AS is_held) y
      LEFT JOIN host h ON h.bk_cloud_id = x."cloudId" AND h.bk_host_innerip = x.ip
      ORDER BY x.n -- row ids in request order
      RETURNING bk_host_id, code
    )
    SELECT DISTINCT bk_host_id FROM inserted WHERE code = $3`,
    [taskId, RESULT_CODE.AGENT_OFFLINE, RESULT_CODE.RUNNING, hold?.session ?? null, hold?.deadlineSecs ?? 0, JSON.stringify(rows, storableStrings), hold !== null],
  );
  return known.map((row) => row.bk_host_id);
}

/** jsonb refuses NUL and lone surrogates, which a request's names and commands may carry. */
function storableStrings(_key: string, value: unknown): unknown {
  return typeof value === "string" ? toStorableText(value) : value;
}
