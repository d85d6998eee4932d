// Sends the tasks of businesses that dispatch to an existing GSE and collects their results. Driven
// from the database, not from memory: every server instance runs this loop, takes due gse_dispatch
// rows with FOR UPDATE SKIP LOCKED under a lease (next_at moved LEASE_SECS ahead), and a killed or
// restarted instance's work is taken over when its lease runs out.
// One dispatch goes queued → sending → sent → done:
// - sending: each batch (gse-request.ts) is sent once with operate_proc_multi and GSE's task id kept.
//   A refused connection is tried again (the request never arrived); any other failure ends that
//   batch's rows and the later ones with the reason, and is never sent again, because GSE may have
//   received it (a start sent twice is harmless, a restart is not). A lease that runs out while
//   "sending" (the instance died mid-send) ends the batches that have no task id the same way.
// - sent: polls get_proc_operate_result_v2 per batch, backing off from 1 s to 5 s; each row GSE
//   reports ended gets its error_code / error_msg / content unchanged (they are the same codes). An
//   error envelope ends the batch's rows; no answer is kept as the last error, and rows still
//   running at give_up_at end with it.
import "server-only";
import { getPgPool } from "@/lib/core/db";
import { readSecretKey } from "@/lib/core/env";
import { RESULT_CODE } from "@/lib/protocol/result-codes";
import { toStorableText } from "@/lib/protocol/storable-text";
import { closeTasks } from "@/lib/operations/task-lifecycle";
import { callGse, type TGseConnection } from "@/lib/operations/dispatch/gse-client";
import { GSE_SESSION } from "@/lib/operations/dispatch/gse-backend";
import { batchRows, findRemoteResult, type TBatch, type TDispatchRow, type TRemoteResult } from "@/lib/operations/dispatch/gse-request";
import { openSecret } from "@/lib/operations/dispatch/seal-secret";

const LEASE_SECS = 30;
const TAKE = 10;
const IDLE_MS = 1000;
const BUSY_MS = 200;
const SEND_TRIES = 3;

type TDispatch = { task_id: string; bk_biz_id: number; state: string; remote_task_ids: string[]; attempts: number; last_error: string; give_up_at: Date };
type TRow = TDispatchRow & { code: number };
type TEnd = { id: string } & TRemoteResult;

const holder = globalThis as unknown as { procdeckGseCollector?: { isRunning: boolean } };

/** Starts this instance's loop once (instrumentation.ts); safe to call again. */
export function startGseCollector(): void {
  if (holder.procdeckGseCollector) return;
  const state = { isRunning: true };
  holder.procdeckGseCollector = state;
  let lastLoggedAt = 0;
  let failures = 0;
  void (async () => {
    while (state.isRunning) {
      let taken = 0;
      try {
        taken = await collectOnce();
        failures = 0;
      } catch (error) {
        // one slow connect while the instance starts is no news; a database that stays down fails
        // every round: said after three in a row, then once a minute, not every second
        failures += 1;
        if (failures >= 3 && Date.now() - lastLoggedAt > 60_000) {
          lastLoggedAt = Date.now();
          console.error("[procdeck] GSE dispatch round failed; the next one retries:", error instanceof Error ? error.message : error);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, taken ? BUSY_MS : IDLE_MS).unref());
    }
  })();
}

/** One round: takes the due dispatches (leased) and moves each one step on; answers how many it took. */
export async function collectOnce(): Promise<number> {
  const { rows } = await getPgPool().query<TDispatch>(
    `UPDATE gse_dispatch d SET next_at = now() + make_interval(secs => $1::int), attempts = d.attempts + 1
     WHERE d.task_id IN (SELECT task_id FROM gse_dispatch WHERE state <> 'done' AND next_at <= now() ORDER BY next_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING d.task_id, d.bk_biz_id, d.state, d.remote_task_ids, d.attempts, d.last_error, d.give_up_at`,
    [LEASE_SECS, TAKE],
  );
  await Promise.all(rows.map((dispatch) => step(dispatch).catch((error: unknown) => console.error(`[procdeck] GSE dispatch of task ${dispatch.task_id} failed; retried after its lease:`, error instanceof Error ? error.message : error))));
  return rows.length;
}

async function step(dispatch: TDispatch): Promise<void> {
  const rows = await loadRows(dispatch.task_id);
  // every row already ended (by the sweep, at its deadline): nothing to send or wait for
  if (!rows.some((row) => row.code === RESULT_CODE.RUNNING)) return markDone(dispatch.task_id);
  const batches = batchRows(rows);
  const connection = await loadConnection(dispatch.bk_biz_id);
  if (typeof connection === "string") return finish(dispatch, batches, 0, connection);
  if (dispatch.state === "queued") return send(dispatch, batches, connection);
  if (dispatch.state === "sending") {
    const sent = dispatch.remote_task_ids.length;
    await endBatches(dispatch.task_id, batches.slice(sent), "Procdeck stopped while sending this task to GSE; it was not sent again, since GSE may have received it (check GSE's own task history)");
    if (!sent) return markDone(dispatch.task_id);
    await update(dispatch.task_id, { state: "sent" });
  }
  return poll({ ...dispatch, state: "sent" }, batches, connection);
}

async function send(dispatch: TDispatch, batches: TBatch[], connection: TGseConnection): Promise<void> {
  await update(dispatch.task_id, { state: "sending" });
  for (const [index, batch] of batches.entries()) {
    // a long send keeps its lease, so no other instance reads it as abandoned mid-send
    await update(dispatch.task_id, { nextInSecs: LEASE_SECS });
    let answer = await callGse(connection, "operate_proc_multi", { proc_operate_req: batch.requests });
    for (let attempt = 1; attempt < SEND_TRIES && answer.kind === "unreachable" && answer.isUnsent; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      await update(dispatch.task_id, { nextInSecs: LEASE_SECS });
      answer = await callGse(connection, "operate_proc_multi", { proc_operate_req: batch.requests });
    }
    const remoteTaskId = answer.kind === "ok" ? readTaskId(answer.data) : undefined;
    if (!remoteTaskId) {
      const said = answer.kind === "ok" ? "GSE answered operate_proc_multi without a task_id" : answer.kind === "pending" ? "GSE answered operate_proc_multi with 1000115 (still queued) instead of a task_id" : answer.message;
      const reason = answer.kind === "unreachable" && !answer.isUnsent ? `${said} (not sent again: GSE may have received it)` : said;
      await endBatches(dispatch.task_id, batches.slice(index), `not sent to GSE: ${reason}`);
      if (!index) return markDone(dispatch.task_id);
      break;
    }
    await getPgPool().query("UPDATE gse_dispatch SET remote_task_ids = array_append(remote_task_ids, $2) WHERE task_id = $1", [dispatch.task_id, remoteTaskId]);
    dispatch.remote_task_ids = [...dispatch.remote_task_ids, remoteTaskId];
  }
  await update(dispatch.task_id, { state: "sent", nextInSecs: 1 });
}

async function poll(dispatch: TDispatch, batches: TBatch[], connection: TGseConnection): Promise<void> {
  let lastError = dispatch.last_error;
  for (const [index, batch] of batches.entries()) {
    const remoteTaskId = dispatch.remote_task_ids[index];
    const running = batch.rows.filter((row) => (row as TRow).code === RESULT_CODE.RUNNING);
    if (!remoteTaskId || !running.length) continue;
    const answer = await callGse(connection, "get_proc_operate_result_v2", { task_id: remoteTaskId });
    if (answer.kind === "unreachable") lastError = answer.message;
    if (answer.kind === "refused") await endRows(dispatch.task_id, running.map((row) => ({ id: row.id, code: RESULT_CODE.COMMAND_FAILED, message: `GSE task ${remoteTaskId}: ${answer.message}`, content: "" })));
    if (answer.kind !== "ok") continue;
    const ends = running.flatMap((row) => {
      const result = findRemoteResult(answer.data, row);
      return result && result.code !== RESULT_CODE.RUNNING ? [{ id: row.id, ...result }] : [];
    });
    await endRows(dispatch.task_id, ends);
  }
  const left = await runningCount(dispatch.task_id);
  if (!left) return markDone(dispatch.task_id);
  if (Date.now() >= dispatch.give_up_at.getTime()) {
    const why = lastError ? `last error: ${lastError}` : "GSE still reported it running";
    return finish(dispatch, batches, 0, `no result from GSE (task ${dispatch.remote_task_ids.join(", ")}) within op_timeout; ${why}`);
  }
  const backoffSecs = Math.min(5, 1 + Math.floor(dispatch.attempts / 5));
  await update(dispatch.task_id, { lastError, nextInSecs: backoffSecs });
}

/** Ends every still-running row of batches `from`… with `message`, and the dispatch. */
async function finish(dispatch: TDispatch, batches: TBatch[], from: number, message: string): Promise<void> {
  await endBatches(dispatch.task_id, batches.slice(from), message);
  await markDone(dispatch.task_id);
}

async function endBatches(taskId: string, batches: TBatch[], message: string): Promise<void> {
  await endRows(taskId, batches.flatMap((batch) => batch.rows.map((row) => ({ id: row.id, code: RESULT_CODE.COMMAND_FAILED, message, content: "" }))));
}

/** Writes results into rows still running (a row ended meanwhile, by the sweep, keeps its end) and closes the task when none runs. */
async function endRows(taskId: string, ends: TEnd[]): Promise<void> {
  if (!ends.length) return;
  const values = ends.map((end) => ({ id: end.id, code: end.code, message: toStorableText(end.message).slice(0, 4000), content: toStorableText(end.content).slice(0, 20_000) }));
  await getPgPool().query(
    `UPDATE task_row r SET code = x.code, message = x.message, content = x.content, finished_at = now(), started_at = coalesce(r.started_at, r.claimed_at)
     FROM jsonb_to_recordset($2::jsonb) AS x(id bigint, code int, message text, content text)
     WHERE r.id = x.id AND r.task_id = $1 AND r.code = ${RESULT_CODE.RUNNING}`,
    [taskId, JSON.stringify(values)],
  );
  await closeTasks(null, [taskId]);
}

async function loadRows(taskId: string): Promise<TRow[]> {
  type TRaw = { id: string; bk_cloud_id: number; ip: string; namespace: string; name: string; op_type: number; spec: TRow["spec"]; labels: Record<string, string>; code: number };
  const { rows } = await getPgPool().query<TRaw>(
    "SELECT id, bk_cloud_id, ip, namespace, name, op_type, spec, labels, code FROM task_row WHERE task_id = $1 AND claim_session = $2 ORDER BY id",
    [taskId, GSE_SESSION],
  );
  return rows.map((row) => ({ id: String(row.id), cloudId: row.bk_cloud_id, ip: row.ip, namespace: row.namespace, name: row.name, opType: row.op_type, spec: row.spec, labels: row.labels ?? {}, code: row.code }));
}

async function runningCount(taskId: string): Promise<number> {
  const { rows } = await getPgPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM task_row WHERE task_id = $1 AND code = ${RESULT_CODE.RUNNING}`, [taskId]);
  return rows[0]?.n ?? 0;
}

/** The business's GSE, or why it cannot be used (switched off meanwhile, a secret that will not open). */
async function loadConnection(bizId: number): Promise<TGseConnection | string> {
  type TConfig = { gateway_url: string; bk_app_code: string; bk_app_secret: string; bk_username: string };
  const { rows } = await getPgPool().query<TConfig>("SELECT gateway_url, bk_app_code, bk_app_secret, bk_username FROM gse_backend WHERE bk_biz_id = $1", [bizId]);
  const config = rows[0];
  if (!config) return `business ${bizId} no longer dispatches to a GSE (switched back to Procdeck's agents before this task's results came)`;
  try {
    return { gatewayUrl: config.gateway_url, appCode: config.bk_app_code, appSecret: openSecret(config.bk_app_secret, readSecretKey()), username: config.bk_username };
  } catch (error) {
    return `the GSE app secret of business ${bizId} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

async function update(taskId: string, change: { state?: string; lastError?: string; nextInSecs?: number }): Promise<void> {
  await getPgPool().query(
    `UPDATE gse_dispatch SET state = coalesce($2, state), last_error = coalesce($3, last_error),
       next_at = CASE WHEN $4::int IS NULL THEN next_at ELSE now() + make_interval(secs => $4::int) END
     WHERE task_id = $1`,
    [taskId, change.state ?? null, change.lastError ?? null, change.nextInSecs ?? null],
  );
}

async function markDone(taskId: string): Promise<void> {
  await update(taskId, { state: "done" });
}

function readTaskId(data: unknown): string | undefined {
  const id = data && typeof data === "object" ? (data as { task_id?: unknown }).task_id : undefined;
  return typeof id === "string" && id ? id : undefined;
}
