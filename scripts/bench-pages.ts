// `npm run bench:pages`: how fast every console page shows its content, in Debian's chromium against
// the production build, a throw-away embedded PostgreSQL and the demo data. Per page:
// - cold: a new browser context (empty cache) opens the page: navigation → content visible;
// - warm: an already open console page navigates to it client-side (the App Router's push);
// - first-load JS: the gzip size of every script the cold load fetched (gzipped here, so the figure
//   does not depend on the server's compression).
// Medians of --runs=N (default 3) rounds. Timings on a shared 2-core machine are noisy: the load
// average is printed with the results.
import os from "node:os";
import { chromium, request, type Browser } from "@playwright/test";
import { installCleanupHandlers, registerCleanup, runCleanup } from "./support/bench-ops/cleanup";
import { showProgress } from "./support/bench-ops/show-progress";
import { startBenchDatabase } from "./support/bench-ops/start-bench-database";
import { startBenchServer } from "./support/bench-ops/start-bench-server";
import { measureClientNavigation, measureColdLoad, waitForQuietNetwork } from "./support/bench-pages/measure-page";
import { preparePages, type TBenchPage } from "./support/bench-pages/prepare-pages";

const DATA_DIR = ".data/bench-pages";
const ADMIN = { username: "admin", password: "bench-admin-password" }; // set by startBenchServer
const CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const COLD_TARGET_MS = 300;
const JS_TARGET_BYTES = 180 * 1024;

type TResult = { page: TBenchPage; cold: number[]; inPage: number[]; painted: number[]; html: number[]; warm: number[]; jsGzipBytes: number; jsFiles: number };

async function main() {
  const runs = readRuns(process.argv.slice(2));
  process.env.NEXT_DIST_DIR ||= ".next-benchpages";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  installCleanupHandlers();
  const loadBefore = os.loadavg()[0];

  step("database (embedded PostgreSQL) and demo data");
  const db = await startBenchDatabase(DATA_DIR);
  step(`server (build into ${process.env.NEXT_DIST_DIR} when needed, then scripts/serve.ts)`);
  const server = await startBenchServer(db.url);
  const { loadDemoDataOnce } = await import("@/prisma/seed/load-demo-data");
  await loadDemoDataOnce();
  const { getDb } = await import("@/lib/core/db");
  await getDb().$disconnect();

  step("signing in, picking ids from the demo data");
  const api = await request.newContext({ baseURL: server.baseUrl });
  registerCleanup({ name: "api client", stopNow: () => {}, stop: () => api.dispose() });
  const signIn = await api.post("/api/console/session", { data: ADMIN });
  if (!signIn.ok()) throw new Error(`sign-in answered ${signIn.status()}: ${await signIn.text()}`);
  const pages = await preparePages(api);
  const storageState = await api.storageState();

  const browser: Browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  registerCleanup({ name: "chromium", stopNow: () => {}, stop: () => browser.close() });
  const results: TResult[] = pages.map((page) => ({ page, cold: [], inPage: [], painted: [], html: [], warm: [], jsGzipBytes: 0, jsFiles: 0 }));

  // one untimed pass: the server's first render of each route loads its code
  const warming = showProgress("warming the server up", pages.length);
  for (const [index, { path }] of pages.entries()) {
    const context = await browser.newContext({ storageState });
    await measureColdLoad(context, server.baseUrl, path);
    await context.close();
    warming.update(index + 1);
  }
  warming.finish();

  const measuring = showProgress("measuring (cold, then warm)", runs * pages.length * 2);
  let done = 0;
  for (let round = 0; round < runs; round++) {
    for (const result of results) {
      const context = await browser.newContext({ storageState });
      const timing = await measureColdLoad(context, server.baseUrl, result.page.path);
      await context.close();
      result.cold.push(timing.ms);
      result.inPage.push(timing.inPageMs);
      result.painted.push(timing.paintedMs);
      result.html.push(timing.htmlMs);
      result.jsGzipBytes = timing.jsGzipBytes;
      result.jsFiles = timing.jsFiles;
      measuring.update(++done, result.page.name);
    }
    // warm: one tab walks every page in turn, each reached by client-side navigation from the one before
    const context = await browser.newContext({ storageState });
    const tab = await context.newPage();
    await tab.goto(`${server.baseUrl}${pages[pages.length - 1].path}`);
    await waitForQuietNetwork(tab);
    for (const result of results) {
      result.warm.push(await measureClientNavigation(tab, result.page.path));
      measuring.update(++done, result.page.name);
    }
    await context.close();
  }
  measuring.finish();

  printTable(results, runs);
  console.log(`Load average (1 min) at the start ${loadBefore.toFixed(2)}, at the end ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores · Node ${process.version} · chromium headless · server errors: ${server.errors().count}`);
}

function printTable(results: TResult[], runs: number) {
  const header = ["page", "path", "cold ms", "(in page)", "painted ms", "(HTML done)", "warm ms", "first-load JS gzip", "scripts"];
  const withMark = (ms: number) => `${ms.toFixed(0)}${ms > COLD_TARGET_MS ? " !" : ""}`;
  const rows = results.map(({ page, cold, inPage, painted, html, warm, jsGzipBytes, jsFiles }) => {
    return [page.name, page.path, withMark(median(cold)), withMark(median(inPage)), withMark(median(painted)), median(html).toFixed(0), median(warm).toFixed(0), `${(jsGzipBytes / 1024).toFixed(1)} kB${page.name === "process list" && jsGzipBytes > JS_TARGET_BYTES ? " !" : ""}`, String(jsFiles)];
  });
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((row) => row[c].length)));
  const render = (row: string[]) => row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  console.log(`\n${render(header)}\n${widths.map((width) => "-".repeat(width)).join("  ")}\n${rows.map(render).join("\n")}`);
  console.log(`\nMedians of ${runs} runs. cold = new browser context, navigation start → content visible (no skeleton left in <main>), by Playwright's poll; in page = the same check polled from the document's start (Playwright's poll can start late on a busy machine); painted = the browser's largest contentful paint, never before "in page" (content in the DOM can wait for the stylesheet or scripts before it is painted); HTML done = → the last byte of the streamed HTML; warm = client-side navigation from the page before.`);
  console.log(`"!" marks a page over the targets: ${COLD_TARGET_MS} ms cold, ${JS_TARGET_BYTES / 1024} kB first-load JS (process list).`);
  // the target, read in the page's own clock: navigation start → its content painted
  const slowest = results.reduce((worst, result) => (median(result.painted) > median(worst.painted) ? result : worst));
  const overTarget = results.filter((result) => median(result.painted) > COLD_TARGET_MS).length;
  const processList = results.find((result) => result.page.name === "process list");
  console.log(`Target, content painted ≤ ${COLD_TARGET_MS} ms after navigation: ${results.length - overTarget}/${results.length} pages; slowest ${slowest.page.name} ${median(slowest.painted).toFixed(0)} ms.`);
  if (processList) console.log(`Target, process list first-load JS ≤ ${JS_TARGET_BYTES / 1024} kB gzip: ${(processList.jsGzipBytes / 1024).toFixed(1)} kB, ${processList.jsGzipBytes <= JS_TARGET_BYTES ? "met" : "NOT met"}.`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function readRuns(args: string[]): number {
  const arg = args.find((candidate) => candidate.startsWith("--runs="));
  const runs = arg ? Number(arg.split("=")[1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs=N needs a positive integer");
  return runs;
}

function step(title: string) {
  console.log(`\n▸ ${title}`);
}

main()
  .then(async () => {
    await runCleanup();
    process.exit(0);
  })
  .catch(async (error: unknown) => {
    console.error(`bench:pages failed: ${error instanceof Error ? error.stack : error}`);
    await runCleanup();
    process.exit(1);
  });
