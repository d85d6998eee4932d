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

/** Every result (of one host or many) and the heartbeat of the hosts named in $2 in one statement: rows accepted per task and host. */
const WRITE_RESULTS_SQL = `
  WITH input AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x("hostId" int, "rowId" bigint, code int, message text, content text,
      "exitCode" int, "outputTail" text, pid int, "startedAt" timestamptz, "finishedAt" timestamptz)
  ), updated AS (
    UPDATE task_row r SET code = x.code, message = x.message, content = x.content, exit_code = x."exitCode",
      output_tail = x."outputTail", pid = x.pid, started_at = x."startedAt" AT TIME ZONE 'UTC', finished_at = x."finishedAt" AT TIME ZONE 'UTC'
    FROM input x
    WHERE r.id = x."rowId" AND r.bk_host_id = x."hostId" AND r.code = ${RESULT_CODE.RUNNING}
    RETURNING r.task_id, r.bk_host_id
  ), seen AS (
    UPDATE host SET agent_last_seen_at = now() WHERE bk_host_id = ANY($2::int[])
  )
  SELECT task_id, bk_host_id, count(*)::int AS accepted FROM updated GROUP BY task_id, bk_host_id`;

type TAcceptedRow = { task_id: string; bk_host_id: number; accepted: number };
export type THostResults = { hostId: number; results: TReportRequest["results"] };

/** In `tx` when given, else on the pool as a prepared statement. */
async function writeResults(tx: TTx | null, hostId: number, results: TReportRequest["results"]): Promise<Map<string, number>> {
  const rows = await writeResultRows(tx, [{ hostId, results }], [hostId]);
  return new Map(rows.map((row) => [row.task_id, row.accepted]));
}

/**
 * The agent gateway's report path: the results of many agents' reports in one statement (each row
 * still only for its own host). Heartbeats are the socket's business, so no host row is written.
 * Returns the rows accepted per host; the tasks touched are queued for closing.
 */
export async function recordResultBatch(batch: THostResults[]): Promise<Map<number, number>> {
  const rows = await writeResultRows(null, batch, []);
  closeTasksSoon(new Set(rows.map((row) => row.task_id)));
  const acceptedByHost = new Map<number, number>();
  for (const row of rows) acceptedByHost.set(row.bk_host_id, (acceptedByHost.get(row.bk_host_id) ?? 0) + row.accepted);
  return acceptedByHost;
}

async function writeResultRows(tx: TTx | null, batch: THostResults[], seenHostIds: number[]): Promise<TAcceptedRow[]> {
  // a tail cut mid-character is made whole again
  const input = JSON.stringify(batch.flatMap(({ hostId, results }) => results.map((result) => ({ ...result, hostId, outputTail: toStorableText(result.outputTail.slice(-OUTPUT_TAIL_BYTES)) }))));
  // a constant statement (codes spliced from the protocol's constants) with bound parameters: nothing
  // from the request is spliced into the SQL
  if (tx) return tx.$queryRawUnsafe<TAcceptedRow[]>(WRITE_RESULTS_SQL, input, seenHostIds);
  return (await getPgPool().query<TAcceptedRow>({ name: "procdeck-agent-report", text: WRITE_RESULTS_SQL, values: [input, seenHostIds] })).rows;
}
