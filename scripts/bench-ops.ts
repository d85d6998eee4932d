// `npm run bench:ops`: the operation figures of the issue, against the real production server and a
// fresh embedded PostgreSQL (with pg_stat_statements), on loopback only.
// (a) one op_type 2 to N hosts (default 1,000; `--hosts 10000`) served by a load generator speaking
//     the agent protocol — over the agent gateway's sockets (default) or the HTTP long-poll
//     (`--transport poll`): time to all rows terminal, server CPU and memory, database CPU,
//     statements per row;
// (b) start latency on one host with the real agent vs `supervisorctl start` of the same daemon.
// Timings on a small machine are noisy: read the ratios measured in the same run.
import os from "node:os";
import { BENCH_TAG } from "./support/bench-ops/count-db-statements";
import { installCleanupHandlers, registerCleanup, runCleanup } from "./support/bench-ops/cleanup";
import { createEsbClient } from "./support/bench-ops/esb-client";
import { insertBenchHosts, listSimulatedHosts, REAL_AGENT_HOST } from "./support/bench-ops/insert-bench-hosts";
import { countResultPollStatements, measureFanoutRound, type TFanoutRound } from "./support/bench-ops/measure-fanout";
import { measureStartLatency, prepareDaemonFiles } from "./support/bench-ops/measure-start-latency";
import { parseBenchOptions } from "./support/bench-ops/parse-bench-options";
import { printResults } from "./support/bench-ops/print-results";
import { startRealAgent } from "./support/bench-ops/run-real-agent";
import { ensureSupervisor, startSupervisor } from "./support/bench-ops/run-supervisord";
import { showProgress } from "./support/bench-ops/show-progress";
import { createAgentSwarm, type TAgentSwarm } from "./support/bench-ops/simulate-agent-swarm";
import { createSocketSwarm } from "./support/bench-ops/simulate-socket-swarm";
import { startBenchGateway } from "./support/bench-ops/start-bench-gateway";
import { startBenchDatabase } from "./support/bench-ops/start-bench-database";
import { BENCH_CREDENTIALS, startBenchServer } from "./support/bench-ops/start-bench-server";

const DATA_DIR = ".data/bench-ops";
/** Rows of warm-up work before the measured rounds, whatever the host count (at least one round). */
const WARM_UP_ROWS = 3000;

async function main() {
  const options = parseBenchOptions(process.argv.slice(2));
  // a build folder of its own, so the benchmark never rebuilds (or breaks) the one `npm start` uses
  process.env.NEXT_DIST_DIR ||= ".next-benchops";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  installCleanupHandlers();
  const benchStartedAt = Date.now();
  // other work on the machine skews every timing: the load average goes into the report
  const loadBefore = os.loadavg()[0];

  step("supervisor");
  await ensureSupervisor();

  step("database (embedded PostgreSQL, pg_stat_statements)");
  const db = await startBenchDatabase(DATA_DIR);
  const hosts = listSimulatedHosts(options.hosts);
  await insertBenchHosts(db.sql, [...hosts, REAL_AGENT_HOST]);
  const postgresVersion = (await db.sql.query<{ v: string }>(`${BENCH_TAG} SELECT current_setting('server_version') AS v`)).rows[0].v;

  step(`server (build into ${process.env.NEXT_DIST_DIR} when needed, then scripts/serve.ts)`);
  const server = await startBenchServer(db.url);
  const postmasterPid = db.readPostmasterPid();
  if (!postmasterPid) throw new Error("cannot find the PostgreSQL server's pid");
  const esb = createEsbClient(server.baseUrl, BENCH_CREDENTIALS);

  const isSocket = options.transport === "socket";
  const gateway = isSocket ? await startBenchGateway(db.url) : null;

  step(`(a) ${options.hosts} simulated agents over ${isSocket ? "the agent gateway's sockets" : "the HTTP long-poll"}`);
  let swarm: TAgentSwarm;
  if (gateway) {
    const socketSwarm = createSocketSwarm(gateway.baseUrl, hosts, db.sql);
    swarm = socketSwarm;
    registerCleanup({ name: "simulated agents", stopNow: () => swarm.stop() });
    await socketSwarm.enroll(() => {});
    const connecting = showProgress("connecting", hosts.length);
    await socketSwarm.connect((done) => connecting.update(done));
    connecting.finish();
  } else {
    swarm = createAgentSwarm(server.baseUrl, hosts, BENCH_CREDENTIALS.enrollSecret);
    registerCleanup({ name: "simulated agents", stopNow: () => swarm.stop() });
    const enrolling = showProgress("enrolling", hosts.length);
    await swarm.enroll((done) => enrolling.update(done));
    enrolling.finish();
    swarm.startPolling();
  }

  const fanoutContext = { sql: db.sql, esb, swarm, hosts, serverPid: server.pid, gatewayPid: gateway?.pid ?? null, postmasterPid, pollIntervalMs: options.pollIntervalMs, countServerErrors: () => server.errors().count };
  const fanoutRounds: TFanoutRound[] = [];
  // warm-up rounds are shown but left out of the medians: first calls pay for route code loading and JIT.
  // Their number makes every size warm up on the same work (WARM_UP_ROWS): one 1,000-host round left
  // the next two at 0.64–0.67 ms per row, the four after them at 0.33–0.47 ms
  const warmUpRounds = Math.ceil(WARM_UP_ROWS / hosts.length);
  const warmUpLabels = Array.from({ length: warmUpRounds }, (_, i) => (warmUpRounds === 1 ? "warm-up" : `warm-up ${i + 1}`));
  for (const label of [...warmUpLabels, ...Array.from({ length: options.rounds }, (_, i) => `round ${i + 1}`)]) {
    const round = await measureFanoutRound(fanoutContext, label);
    fanoutRounds.push(round);
    console.log(`  ${label}: ${round.rows} rows terminal after ${(round.clientMs / 1000).toFixed(2)} s, ${round.statements.calls} statements, ${round.errors} load-generator errors`);
  }
  const resultPollStatements = await countResultPollStatements(fanoutContext, fanoutRounds[fanoutRounds.length - 1].taskId);
  swarm.stop();

  step(`(b) start latency: real agent vs supervisord, start_check_secs = startsecs = ${options.startCheckSecs}`);
  const daemon = prepareDaemonFiles(options.startCheckSecs);
  const supervisor = await startSupervisor({ command: daemon.supervisorCommand, startSecs: options.startCheckSecs });
  await startRealAgent(server.baseUrl, BENCH_CREDENTIALS.enrollSecret, REAL_AGENT_HOST, gateway?.baseUrl ?? null);
  const startLatency = await measureStartLatency({ esb, host: REAL_AGENT_HOST, supervisor, daemon, startCheckSecs: options.startCheckSecs, repetitions: options.startReps });

  printResults({
    environment: [
      `${os.cpus().length} cores · ${Math.round(os.totalmem() / 2 ** 30)} GB · Node ${process.version} · PostgreSQL ${postgresVersion} (embedded) · scripts/serve.ts (production build) · whole run ${Math.round((Date.now() - benchStartedAt) / 1000)} s`,
      `Load average (1 min) at the start ${loadBefore.toFixed(2)}, at the end ${os.loadavg()[0].toFixed(2)}: other work on this machine shows up in every timing.`,
      `Times: "all terminal" = operate_proc request → the client's get_proc_operate_result (every ${options.pollIntervalMs} ms) showing no 115; "db recorded" = the task's created_at →`,
      `  finished_at (set when the last report is recorded); "quiet again" = → every report accepted, every simulated agent long-polling again, server + postgres under 10 % of a core.`,
      "CPU: utime+stime (+ reaped children) of the server's process tree (scripts/serve.ts) and of the postmaster tree from /proc, after minus before; bench = this process (load generator + client).",
      "Statements: pg_stat_statements calls in the bench database (track=top; BEGIN/COMMIT count), reset at the request, read once quiet again; one statement = one round trip",
      `  with the pg driver. "w/o result polls" subtracts the client's get_proc_operate_result calls (${resultPollStatements} statements each, measured on a finished task).`,
    ],
    fanoutRounds,
    transport: options.transport,
    resultPollStatements,
    pollIntervalMs: options.pollIntervalMs,
    startLatency,
    supervisorVersion: `supervisor ${supervisor.version}`,
    serverErrors: server.errors(),
  });
}

function step(name: string) {
  console.log(`\n▶ ${name}`);
}

main()
  .then(async () => {
    await runCleanup();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error(`\n✗ bench:ops failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`);
    await runCleanup();
    process.exit(1);
  });
