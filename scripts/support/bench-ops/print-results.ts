// The figures as aligned tables, then one summary line per figure.
import type { TFanoutRound } from "./measure-fanout";
import type { TStartLatency } from "./measure-start-latency";

export type TBenchReport = {
  environment: string[];
  fanoutRounds: TFanoutRound[];
  transport: "socket" | "poll";
  resultPollStatements: number;
  pollIntervalMs: number;
  startLatency: TStartLatency;
  supervisorVersion: string;
  serverErrors: { count: number; samples: string[] };
};

export function printResults(report: TBenchReport): void {
  const { fanoutRounds, startLatency } = report;
  const measured = fanoutRounds.filter((round) => !round.label.startsWith("warm-up"));
  const hosts = measured[0]?.rows ?? 0;

  console.log("\n══════════ Procdeck operations benchmark ══════════");
  report.environment.forEach((line) => console.log(line));

  const how = report.transport === "socket" ? "connected to the agent gateway (one WebSocket each)" : "long-polling over HTTP";
  console.log(`\n(a) One op_type 2 (status) to ${hosts} hosts, simulated agents ${how} (one process, ${hosts} identities)`);
  const perRow = (round: TFanoutRound) => round.statements.calls / round.rows;
  const agentPerRow = (round: TFanoutRound) => (round.statements.calls - round.resultPolls * report.resultPollStatements) / round.rows;
  const mark = (round: TFanoutRound) => round.label + (round.wasQuiet ? "" : " *");
  printRoundTable(fanoutRounds, measured, [
    { header: "round", cell: mark },
    { header: "request", value: (r) => r.requestMs, format: ms },
    { header: "all terminal (client)", value: (r) => r.clientMs, format: secs },
    { header: "db recorded", value: (r) => r.dbMs, format: secs },
    { header: "quiet again", value: (r) => r.quietMs, format: secs },
    { header: "result polls (failed)", cell: (r) => `${r.resultPolls} (${r.failedResultPolls})` },
    { header: "retried calls", cell: (r) => String(r.errors) },
    { header: "server 500s", cell: (r) => String(r.serverErrors) },
    { header: "codes", cell: (r) => Object.entries(r.codes).map(([code, count]) => `${code}×${count}`).join(" ") },
  ]);
  console.log("");
  printRoundTable(fanoutRounds, measured, [
    { header: "round", cell: mark },
    { header: "server CPU →terminal", value: (r) => r.cpuToTerminal.serverSecs, format: cpu },
    { header: "postgres CPU →terminal", value: (r) => r.cpuToTerminal.postgresSecs, format: cpu },
    { header: "server CPU →quiet", value: (r) => r.cpuToQuiet.serverSecs, format: cpu },
    { header: "postgres CPU →quiet", value: (r) => r.cpuToQuiet.postgresSecs, format: cpu },
    { header: "bench CPU →quiet", value: (r) => r.cpuToQuiet.benchSecs, format: cpu },
    { header: "server CPU/row", value: serverMsPerRow, format: (v) => `${v.toFixed(2)} ms` },
    { header: "server RSS peak", value: (r) => r.serverRssPeakBytes, format: mb },
    { header: "HTTP server RSS", value: (r) => r.httpServerRssPeakBytes, format: mb },
    { header: "gateway RSS", value: (r) => r.gatewayRssPeakBytes, format: mb },
    { header: "statements →quiet", value: (r) => r.statements.calls, format: (v) => String(Math.round(v)) },
    { header: "per row", value: perRow, format: (v) => v.toFixed(1) },
    { header: "per row w/o result polls", value: agentPerRow, format: (v) => v.toFixed(1) },
  ]);
  if (fanoutRounds.some((round) => !round.wasQuiet)) console.log("  * a quiet check timed out: this window overlaps other traffic");
  const errors = fanoutRounds.filter((round) => round.errors);
  if (errors.length) console.log(`  last retried load-generator call: ${errors[errors.length - 1].lastError}`);
  if (report.serverErrors.count) {
    console.log(`  the server logged ${report.serverErrors.count} unexpected errors (500s) in the whole run, most frequent:`);
    report.serverErrors.samples.forEach((sample) => console.log(`    ${sample}`));
  }

  const last = measured[measured.length - 1] ?? fanoutRounds[fanoutRounds.length - 1];
  if (last) {
    console.log(`\n  Statements in ${last.label}, most called (calls · mean ms · statement):`);
    for (const top of last.statements.top) console.log(`    ${String(top.calls).padStart(6)} · ${top.meanMs.toFixed(3).padStart(7)} · ${top.query}`);
  }

  console.log(`\n(b) Start latency on one host, request → confirmed running, start_check_secs = startsecs = ${startLatency.startCheckSecs} s, ${startLatency.procdeckMs.length} repetitions each (alternating)`);
  const procdeck = median(startLatency.procdeckMs);
  const supervisor = median(startLatency.supervisorMs);
  const floorMs = startLatency.startCheckSecs * 1000;
  printTable(
    ["", "median", "min", "max", "beyond the N s check", "all runs"],
    [
      [`Procdeck (GSE operate_proc, real agent, polled every ${startLatency.pollMs} ms)`, secs(procdeck), secs(Math.min(...startLatency.procdeckMs)), secs(Math.max(...startLatency.procdeckMs)), secs(procdeck - floorMs), startLatency.procdeckMs.map((v) => (v / 1000).toFixed(2)).join(" ")],
      [`supervisorctl start (${report.supervisorVersion})`, secs(supervisor), secs(Math.min(...startLatency.supervisorMs)), secs(Math.max(...startLatency.supervisorMs)), secs(supervisor - floorMs), startLatency.supervisorMs.map((v) => (v / 1000).toFixed(2)).join(" ")],
      ["ratio Procdeck / supervisor", (procdeck / supervisor).toFixed(2), "", "", floorMs ? ((procdeck - floorMs) / (supervisor - floorMs)).toFixed(2) : "", ""],
    ],
  );

  console.log("\nTargets (issue 14; on this machine)");
  const terminalTarget = TERMINAL_TARGET_MS[hosts];
  const pick = (value: (round: TFanoutRound) => number) => median(measured.map(value));
  const startRatio = procdeck / supervisor;
  printTable(
    ["figure", "measured", "target", "met"],
    [
      ["all rows terminal (median)", secs(pick((r) => r.clientMs)), terminalTarget ? `≤ ${secs(terminalTarget)} at ${hosts} hosts` : "set for 1,000 and 10,000 hosts", terminalTarget ? verdict(pick((r) => r.clientMs) <= terminalTarget) : ""],
      ["server CPU per row (→quiet, median)", `${pick(serverMsPerRow).toFixed(2)} ms`, `≤ ${CPU_TARGET_MS_PER_ROW} ms`, verdict(pick(serverMsPerRow) <= CPU_TARGET_MS_PER_ROW)],
      ["server RSS (highest of all rounds)", mb(Math.max(...fanoutRounds.map((r) => r.serverRssPeakBytes))), `≤ ${mb(RSS_TARGET_BYTES)}`, verdict(Math.max(...fanoutRounds.map((r) => r.serverRssPeakBytes)) <= RSS_TARGET_BYTES)],
      ["start latency ratio Procdeck / supervisorctl", startRatio.toFixed(2), "≤ 1.00", verdict(startRatio <= 1)],
    ],
  );

  console.log("\nSummary");
  if (last) {
    console.log(
      `  (a) ${hosts} hosts: all rows terminal ${secs(pick((r) => r.clientMs))} after the request (database: ${secs(pick((r) => r.dbMs))}); ` +
        `whole operation costs server CPU ${cpu(pick((r) => r.cpuToQuiet.serverSecs))} + postgres ${cpu(pick((r) => r.cpuToQuiet.postgresSecs))}, ` +
        `${pick(perRow).toFixed(1)} statements per row (${pick(agentPerRow).toFixed(1)} without the client's result polls; one result poll = ${report.resultPollStatements}).`,
    );
  }
  console.log(
    `  (b) start → running: Procdeck ${secs(procdeck)} vs supervisorctl ${secs(supervisor)} (median, N = ${startLatency.startCheckSecs} s): ratio ${(procdeck / supervisor).toFixed(2)}; ` +
      `beyond the N s check ${secs(procdeck - floorMs)} vs ${secs(supervisor - floorMs)}.`,
  );
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

type TColumn = { header: string; cell?: (round: TFanoutRound) => string; value?: (round: TFanoutRound) => number; format?: (value: number) => string };

/** One line per round, then the median of the measured rounds (the warm-up is left out) for numeric columns. */
function printRoundTable(rounds: TFanoutRound[], measured: TFanoutRound[], columns: TColumn[]) {
  const cellOf = (column: TColumn, round: TFanoutRound) => (column.value ? column.format!(column.value(round)) : column.cell!(round));
  const rows = rounds.map((round) => columns.map((column) => cellOf(column, round)));
  if (measured.length > 1) rows.push(columns.map((column, i) => (i === 0 ? "median" : column.value ? column.format!(median(measured.map(column.value))) : "")));
  printTable(
    columns.map((column) => column.header),
    rows,
  );
}

function printTable(headers: string[], rows: string[][]) {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? "").length)));
  const format = (cells: string[]) => "  " + cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  console.log(format(headers));
  console.log("  " + widths.map((w) => "─".repeat(w)).join("  "));
  rows.forEach((row) => console.log(format(row)));
}

/** The targets: all rows terminal per host count, server CPU per operated row, server memory. */
const TERMINAL_TARGET_MS: Record<number, number> = { 1000: 1500, 10_000: 6000 };
const CPU_TARGET_MS_PER_ROW = 0.5;
const RSS_TARGET_BYTES = 400 * 2 ** 20;

const serverMsPerRow = (round: TFanoutRound) => (round.cpuToQuiet.serverSecs * 1000) / round.rows;
const verdict = (isMet: boolean) => (isMet ? "yes" : "NO");
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const secs = (value: number) => `${(value / 1000).toFixed(2)} s`;
const cpu = (value: number) => `${value.toFixed(2)} s`;
