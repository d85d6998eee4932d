// An agent's results and events. A row is only written by the agent of its own host and only while it
// is still running (115): a late report after the sweep failed the row changes nothing.
// Results, heartbeat, restart events (audited) and the managed list are stored together: one
// statement when there is nothing but results (on the pool directly: every operated row costs one),
// one transaction otherwise. The agent sends its managed list only when it changed
// (lib/agent/managed-list-sync.ts), so most reports take the single statement. Closing the tasks this
// report finished comes after the commit (closeTasksSoon, lib/operations/task-lifecycle.ts), and the
// reply does not wait for it: a saved report never answers 500.
import "server-only";
import { writeAuditEntries } from "@/lib/core/write-audit-entry";
import { getDb, getPgPool, type TTx } from "@/lib/core/db";
import { OUTPUT_TAIL_BYTES, type TReportReply, type TReportRequest } from "@/lib/protocol/agent-protocol";
import { RESULT_CODE } from "@/lib/protocol/result-codes";
import { toStorableText } from "@/lib/protocol/storable-text";
import type { TAgentHost } from "@/lib/operations/agent-token";
import { recordUpgradeProgress } from "@/lib/operations/agent-upgrade";
import { recordManagedStates } from "@/lib/operations/record-managed-states";
import { toAgentEventAudits } from "@/lib/operations/agent-event-audit";
import { closeTasksSoon } from "@/lib/operations/task-lifecycle";

export async function recordAgentReport(host: TAgentHost, report: TReportRequest): Promise<TReportReply> {
  if (report.upgrade) await recordUpgradeProgress(host.id, report.upgrade);
  const isSingleStatement = !report.events.length && !report.managed.length;
  const touched = isSingleStatement ? await writeResults(null, host.id, report.results) : await getDb().$transaction((tx) => writeReport(tx, host, report));
  closeTasksSoon(touched.keys());
  return { accepted: [...touched.values()].reduce((sum, count) => sum + count, 0) };
}

async function writeReport(tx: TTx, host: TAgentHost, report: TReportRequest): Promise<Map<string, number>> {
  const touched = await writeResults(tx, host.id, report.results);
  // in the business of the process's namespace, so its people see it (agent-event-audit.ts)
  await writeAuditEntries(tx, await toAgentEventAudits(tx, host, report.events));
  await recordManagedStates(tx, host.id, report.managed);
  return touched;
}

/** Every result and the heartbeat in one statement: rows accepted per task. */
const WRITE_RESULTS_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x("rowId" bigint, code int, message text, content text,
      "exitCode" int, "outputTail" text, pid int, "startedAt" timestamptz, "finishedAt" timestamptz)
  ), updated AS (
    UPDATE task_row r SET code = x.code, message = x.message, content = x.content, exit_code = x."exitCode",
      output_tail = x."outputTail", pid = x.pid, started_at = x."startedAt" AT TIME ZONE 'UTC', finished_at = x."finishedAt" AT TIME ZONE 'UTC'
    FROM input x
    WHERE r.id = x."rowId" AND r.bk_host_id = $2 AND r.code = ${RESULT_CODE.RUNNING}
    RETURNING r.task_id
  ), seen AS (
    UPDATE host SET agent_last_seen_at = now() WHERE bk_host_id = $2
  )
  SELECT task_id, count(*)::int AS accepted FROM updated GROUP BY task_id`;

/** In `tx` when given, else on the pool as a prepared statement. */
async function writeResults(tx: TTx | null, hostId: number, results: TReportRequest["results"]): Promise<Map<string, number>> {
  // a tail cut mid-character is made whole again
  const input = JSON.stringify(results.map((result) => ({ ...result, outputTail: toStorableText(result.outputTail.slice(-OUTPUT_TAIL_BYTES)) })));
  type TRow = { task_id: string; accepted: number };
  // a constant statement (codes spliced from the protocol's constants) with bound parameters: nothing
  // from the request is spliced into the SQL
  const rows = tx
    ? await tx.$queryRawUnsafe<TRow[]>(WRITE_RESULTS_SQL, input, hostId)
    : (await getPgPool().query<TRow>({ name: "procdeck-agent-report", text: WRITE_RESULTS_SQL, values: [input, hostId] })).rows;
  return new Map(rows.map((row) => [row.task_id, row.accepted]));
}
