// (a) One operation to every simulated host, timed from the operate_proc request to the first
// get_proc_operate_result in which no row is 115, with the server's and the database's CPU time in
// that window and up to the moment every agent waits again, and the statements the server sent.
import type pg from "pg";
import { OP_TYPE } from "@/lib/protocol/op-types";
import { BENCH_TAG, readStatementCounts, resetStatementCounts, type TStatementCount } from "./count-db-statements";
import type { TEsbClient } from "./esb-client";
import type { TBenchHost } from "./insert-bench-hosts";
import { readTreeCpuSeconds, readTreeRssBytes } from "./read-process-cpu";
import { showProgress } from "./show-progress";
import type { TAgentSwarm } from "./simulate-agent-swarm";

/** CPU seconds of the server and database process trees, and this process's (load generator + client). */
export type TCpuSpent = { serverSecs: number; postgresSecs: number; benchSecs: number };

export type TFanoutRound = {
  label: string;
  taskId: string;
  rows: number;
  /** operate_proc request → reply (the task and its rows are stored before the reply) */
  requestMs: number;
  /** operate_proc request → the client's poll that saw every row terminal */
  clientMs: number;
  /** task created_at → finished_at, both set by the server (finished_at when the last report is recorded): no polling granularity */
  dbMs: number;
  /** request → all rows terminal (the client's view) */
  cpuToTerminal: TCpuSpent;
  /** request → every report accepted and every agent waiting again: the whole cost of the operation */
  cpuToQuiet: TCpuSpent;
  quietMs: number;
  /** statements from the request until quiet */
  statements: TStatementCount;
  resultPolls: number;
  /** result polls that failed or timed out (the client retries them) */
  failedResultPolls: number;
  /** load-generator calls that failed and were retried */
  errors: number;
  lastError: string;
  /** unexpected errors (500s) the server logged, request → quiet */
  serverErrors: number;
  codes: Record<string, number>;
  /** false when a quiet check timed out (the window then overlaps other traffic) */
  wasQuiet: boolean;
  /** the server's resident memory (scripts/serve.ts + the agent gateway), highest sample during the round */
  serverRssPeakBytes: number;
  /** the parts of serverRssPeakBytes, each at its own highest */
  httpServerRssPeakBytes: number;
  gatewayRssPeakBytes: number;
};

export type TFanoutContext = {
  sql: pg.Client;
  esb: TEsbClient;
  swarm: TAgentSwarm;
  hosts: TBenchHost[];
  serverPid: number;
  /** the agent gateway's process, when agents use the socket: its CPU and memory count as the server's */
  gatewayPid: number | null;
  postmasterPid: number;
  pollIntervalMs: number;
  countServerErrors: () => number;
};

/** Nothing but files the simulated agents never touch: they answer op 2 without looking. */
const FANOUT_SPEC = {
  identity: { proc_name: "bench-proc", setup_path: "/opt/bench", pid_path: "/opt/bench/bench.pid", user: "bench" },
  control: { start_cmd: "true", stop_cmd: "true" },
  alive_monitor_policy: { auto_type: 1, start_check_secs: 0, op_timeout: 60 },
};

const ROUND_TIMEOUT_MS = 180_000;

export async function measureFanoutRound(context: TFanoutContext, label: string): Promise<TFanoutRound> {
  const { sql, esb, swarm, hosts } = context;
  const wasQuietBefore = await waitUntilAgentsWait(context);

  await resetStatementCounts(sql);
  const memory = sampleServerMemory(context);
  const cpuBefore = readCpu(context);
  const swarmBefore = swarm.stats();
  const serverErrorsBefore = context.countServerErrors();
  const startedAt = performance.now();

  const taskId = await esb.operate({ hosts, opType: OP_TYPE.STATUS, meta: { namespace: "bench", name: `fanout-${label.replace(/\W+/g, "-")}` }, spec: FANOUT_SPEC });
  const requestMs = performance.now() - startedAt;
  const progress = showProgress(`${label}: rows terminal`, hosts.length);
  const { rows, polls, failedPolls } = await esb.waitForTask(taskId, { intervalMs: context.pollIntervalMs, timeoutMs: ROUND_TIMEOUT_MS, onPoll: (done) => progress.update(done) });
  const clientMs = performance.now() - startedAt;
  progress.finish();
  const cpuAtTerminal = readCpu(context);

  // the tail: reports still being answered and the agents' next long-polls being set up
  const wasQuietAfter = await waitUntilAgentsWait(context);
  const quietMs = performance.now() - startedAt;
  const cpuAtQuiet = readCpu(context);
  const rssPeaks = memory.stop();
  const statements = await readStatementCounts(sql);
  const swarmAfter = swarm.stats();

  const [recorded] = (await sql.query<{ ms: number }>(`${BENCH_TAG} SELECT EXTRACT(EPOCH FROM (finished_at - created_at)) * 1000 AS ms FROM task WHERE id = $1`, [taskId])).rows;
  const codes: Record<string, number> = {};
  for (const row of Object.values(rows)) codes[row.error_code] = (codes[row.error_code] ?? 0) + 1;

  return {
    label,
    taskId,
    rows: Object.keys(rows).length,
    requestMs,
    clientMs,
    dbMs: Number(recorded?.ms ?? NaN),
    cpuToTerminal: subtractCpu(cpuAtTerminal, cpuBefore),
    cpuToQuiet: subtractCpu(cpuAtQuiet, cpuBefore),
    quietMs,
    statements,
    resultPolls: polls,
    failedResultPolls: failedPolls,
    errors: swarmAfter.errors - swarmBefore.errors,
    lastError: swarmAfter.lastError,
    serverErrors: context.countServerErrors() - serverErrorsBefore,
    codes,
    wasQuiet: wasQuietBefore && wasQuietAfter,
    serverRssPeakBytes: rssPeaks.total,
    httpServerRssPeakBytes: rssPeaks.httpServer,
    gatewayRssPeakBytes: rssPeaks.gateway,
  };
}

function readServerCpuSeconds({ serverPid, gatewayPid }: Pick<TFanoutContext, "serverPid" | "gatewayPid">): number {
  return readTreeCpuSeconds(serverPid) + (gatewayPid ? readTreeCpuSeconds(gatewayPid) : 0);
}

/** Samples the server's memory every 100 ms until stopped; returns the highest sum and each part's highest. */
function sampleServerMemory({ serverPid, gatewayPid }: TFanoutContext): { stop: () => TRssPeaks } {
  const peaks: TRssPeaks = { total: 0, httpServer: 0, gateway: 0 };
  const sample = () => {
    const httpServer = readTreeRssBytes(serverPid);
    const gateway = gatewayPid ? readTreeRssBytes(gatewayPid) : 0;
    peaks.total = Math.max(peaks.total, httpServer + gateway);
    peaks.httpServer = Math.max(peaks.httpServer, httpServer);
    peaks.gateway = Math.max(peaks.gateway, gateway);
  };
  sample();
  const timer = setInterval(sample, 100);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

type TRssPeaks = { total: number; httpServer: number; gateway: number };

function readCpu(context: TFanoutContext): TCpuSpent {
  const bench = process.cpuUsage();
  const { postmasterPid } = context;
  return { serverSecs: readServerCpuSeconds(context), postgresSecs: readTreeCpuSeconds(postmasterPid), benchSecs: (bench.user + bench.system) / 1e6 };
}

function subtractCpu(after: TCpuSpent, before: TCpuSpent): TCpuSpent {
  return { serverSecs: after.serverSecs - before.serverSecs, postgresSecs: after.postgresSecs - before.postgresSecs, benchSecs: after.benchSecs - before.benchSecs };
}

/** Statements one get_proc_operate_result of a finished task costs, so the client's share can be told apart. */
export async function countResultPollStatements(context: TFanoutContext, taskId: string): Promise<number> {
  await waitUntilAgentsWait(context);
  await resetStatementCounts(context.sql);
  await context.esb.readResult(taskId);
  return (await readStatementCounts(context.sql)).calls;
}

/**
 * Starts a window only once every simulated agent has a long-poll open, no report is pending, and the server and the
 * database have gone quiet, so one round's re-polls do not spill into the next round's figures.
 */
async function waitUntilAgentsWait(context: TFanoutContext): Promise<boolean> {
  const { swarm, hosts, postmasterPid } = context;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const isWaiting = () => swarm.pollsInFlight() === hosts.length && swarm.reportsInFlight() === 0;
    if (isWaiting()) {
      const before = readServerCpuSeconds(context) + readTreeCpuSeconds(postmasterPid);
      await pause(500);
      const busySecs = readServerCpuSeconds(context) + readTreeCpuSeconds(postmasterPid) - before;
      // under 10 % of one core over half a second: the re-polls have been served and are waiting
      if (busySecs <= 0.05 && isWaiting()) return true;
    } else {
      await pause(200);
    }
  }
  return false;
}

function pause(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
