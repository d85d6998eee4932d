// `npm run bench:task-page`: how the task page holds up at 1,000 and 5,000 rows, in real chromium
// against the production server and a fresh embedded PostgreSQL (both thrown away at the end).
// Seeds one finished task of each size (a mix of succeeded and failed rows over three processes, with
// hosts in sets and modules), then per task and run: navigation → the first rows visible, and a click
// on "Failed (n)" → only failed rows shown. Prints the medians (and every run) per size.
// Timings on a small shared machine are noisy: the load average goes into the report.
import os from "node:os";
import { chromium } from "@playwright/test";
import { installCleanupHandlers, registerCleanup, runCleanup } from "./support/bench-ops/cleanup";
import { startBenchDatabase } from "./support/bench-ops/start-bench-database";
import { startBenchServer } from "./support/bench-ops/start-bench-server";
import { seedBenchTask, seedTaskTopology } from "./support/bench-task-page/seed-task";

const DATA_DIR = ".data/bench-task-page";
const SIZES = [1000, 5000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ADMIN = { username: "admin", password: "bench-admin-password" };

type TRun = { rowsVisibleMs: number; filterMs: number };

async function main() {
  process.env.NEXT_DIST_DIR ||= ".next";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  installCleanupHandlers();
  const loadBefore = os.loadavg()[0];

  console.log("▸ database (embedded PostgreSQL)");
  const db = await startBenchDatabase(DATA_DIR);
  const bizId = await seedTaskTopology(db.sql, Math.max(...SIZES));
  const tasks = new Map<number, string>();
  for (const size of SIZES) tasks.set(size, await seedBenchTask(db.sql, bizId, size));

  console.log(`▸ server (build into ${process.env.NEXT_DIST_DIR} when needed, then scripts/serve.ts)`);
  const server = await startBenchServer(db.url);

  console.log("▸ chromium");
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  registerCleanup({ name: "chromium", stopNow: () => {}, stop: () => browser.close() });
  const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1440, height: 900 } });
  const signIn = await context.request.post("/api/console/session", { data: ADMIN });
  if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()} ${await signIn.text()}`);

  const results = new Map<number, TRun[]>();
  for (const [size, taskId] of tasks) {
    const url = `/biz/${bizId}/tasks/${encodeURIComponent(taskId)}`;
    const runs: TRun[] = [];
    // one warm-up (route code loading, JIT), not counted
    for (let n = 0; n <= RUNS; n++) {
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(url, { waitUntil: "commit" });
      await page.locator("table tbody tr[data-ip]").first().waitFor({ state: "visible", timeout: 60_000 });
      const rowsVisibleMs = Date.now() - started;
      const failedButton = page.locator('[data-row-filter="failed"]');
      await failedButton.waitFor();
      const filterStarted = Date.now();
      await failedButton.click();
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll("table tbody tr[data-ip]")];
        return rows.length > 0 && rows.every((row) => row.getAttribute("data-state") === "failed");
      });
      const filterMs = Date.now() - filterStarted;
      if (n > 0) runs.push({ rowsVisibleMs, filterMs });
      // BENCH_SCREENSHOT_DIR=<dir>: the 1,000-row page as shown, for the README
      if (n === 1 && size === 1000 && process.env.BENCH_SCREENSHOT_DIR) {
        await failedButton.waitFor();
        await page.locator('[data-row-filter="all"]').click();
        await page.screenshot({ path: `${process.env.BENCH_SCREENSHOT_DIR}/task-page-1000-rows.png` });
      }
      await page.close();
    }
    results.set(size, runs);
  }

  // the API beneath: a whole read (first load, and the last poll) against a poll with the cursor
  const api: string[] = [];
  for (const [size, taskId] of tasks) {
    const path = `/api/console/businesses/${bizId}/tasks/${encodeURIComponent(taskId)}`;
    const wholeStarted = Date.now();
    const whole = await context.request.get(path);
    const wholeMs = Date.now() - wholeStarted;
    const wholeBody = await whole.body();
    const cursor = ((JSON.parse(wholeBody.toString()) as { data: { cursor: string } }).data.cursor);
    const pollStarted = Date.now();
    const poll = await context.request.get(`${path}?since=${cursor}`);
    const pollMs = Date.now() - pollStarted;
    api.push(`${String(size).padEnd(6)} | whole ${wholeMs} ms, ${(wholeBody.length / 1024).toFixed(0)} KiB | poll with cursor ${pollMs} ms, ${((await poll.body()).length / 1024).toFixed(1)} KiB`);
  }

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(`\nTask page in chromium (production build, ${RUNS} runs after a warm-up; load average ${loadBefore.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}, ${os.cpus().length} cores)`);
  console.log("rows   | navigation → rows visible (median) | filter 'Failed' applied (median) | runs (visible / filter ms)");
  for (const [size, runs] of results) {
    const line = runs.map((run) => `${run.rowsVisibleMs}/${run.filterMs}`).join(" ");
    console.log(`${String(size).padEnd(6)} | ${String(median(runs.map((r) => r.rowsVisibleMs))).padStart(6)} ms${" ".repeat(26)} | ${String(median(runs.map((r) => r.filterMs))).padStart(6)} ms${" ".repeat(23)} | ${line}`);
  }
  console.log("\nGET …/tasks/{id} (uncompressed JSON):");
  for (const line of api) console.log(line);
  const errors = server.errors();
  if (errors.count) console.log(`server errors: ${errors.count} (${errors.samples.join("; ")})`);
}

main()
  .catch((error: unknown) => {
    console.error("bench:task-page failed:", error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => runCleanup());
