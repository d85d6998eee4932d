// `npm test`: every check, against real parts. lint → typecheck → unit tests → a fresh embedded
// PostgreSQL → build → the real server → API tests over HTTP → Playwright in Debian chromium.
// Ends with one "N passed, N failed" line. TEST_DATABASE_URL points it at an external server instead.
// While working on one area: `npm test -- <path filters>` runs only the API test files and Playwright
// specs whose paths contain a filter (no lint, typecheck or unit tests), and PROCDECK_TEST_DEV=1 serves
// with `next dev` instead of building first.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { programArgs } from "./support/server-programs";
import { ensureAgentBuild } from "./support/agent-build";
import { ensureBuild } from "./support/ensure-build";
import { ensureGenerated } from "./support/ensure-generated";
import { findFreePort } from "./support/free-port";
import { prepareDatabase, type TPreparedDatabase } from "./support/prepare-database";
import { BIN, run } from "./support/run";
import { waitForHttp } from "./support/wait-for-http";

export const TEST_CREDENTIALS = { adminUser: "admin", adminPassword: "admin-test-password", appCode: "procdeck-test", appSecret: "test-secret-0123456789abcdef" };

const TEST_ENROLL_SECRET = "test-enroll-secret-0123456789";
const TEST_SECRET_KEY = "test-secret-key-0123456789abcdef0123456789";

type TTally = { passed: number; failed: number; skipped: number };
const tally: TTally = { passed: 0, failed: 0, skipped: 0 };
const reports = mkdtempSync(path.join(os.tmpdir(), "procdeck-reports-"));

const filters = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const isFocused = filters.length > 0;
const isDevServer = process.env.PROCDECK_TEST_DEV === "1";

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  // lint and typecheck read the generated Prisma client too; a cleaned tree gets it back first
  await ensureGenerated();
  if (!isFocused) {
    await step("lint", () => run(BIN("eslint"), ["--max-warnings=0", "."]));
    await step("typecheck", () => run(BIN("tsc"), ["--noEmit"]));
    await step("unit tests", () => vitest("unit"));
  }

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "procdeck-testdb-"));
  // `next dev`, like `next build`, adds its folder's generated types to tsconfig.json; keep the committed file
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  let database: TPreparedDatabase | undefined;
  let server: ReturnType<typeof spawn> | undefined;
  try {
    database = await prepareDatabase({ url: process.env.TEST_DATABASE_URL, embeddedDir: dataDir, database: "procdeck_test", isSupervised: true });
    process.env.DATABASE_URL = database.url;
    // imported here, not at the top: they need the generated client that ensureGenerated() makes
    const { ensureInitialCredentials } = await import("@/lib/access/ensure-initial-credentials");
    const { loadDemoDataOnce } = await import("@/prisma/seed/load-demo-data");
    await ensureInitialCredentials(TEST_CREDENTIALS);
    await loadDemoDataOnce();
    if (!isDevServer) await step("build", () => ensureBuild());
    // the agent's artefacts, once per run (skipped when the current sources are built): the server
    // serves them and e2e/api/agent-install/ runs them
    await step("agent build", async () => void (await ensureAgentBuild()));

    // agents enrol with this secret; short grace and slack keep the 117 / timeout tests quick; secrets
    // Procdeck must send (a GSE gateway's) are sealed with a key, as in production
    Object.assign(process.env, { PROCDECK_AGENT_ENROLL_SECRET: TEST_ENROLL_SECRET, PROCDECK_AGENT_GRACE_SECS: "2", PROCDECK_REPORT_SLACK_SECS: "2", PROCDECK_SECRET_KEY: TEST_SECRET_KEY });
    const port = await findFreePort(3100);
    const baseUrl = `http://127.0.0.1:${port}`;
    const serverEnv = { ...process.env, NODE_ENV: isDevServer ? ("development" as const) : ("production" as const) };
    server = spawn(process.execPath, [...programArgs("serve", { isDev: isDevServer }), "--port", String(port), "--host", "127.0.0.1", ...(isDevServer ? ["--dev"] : [])], { stdio: ["ignore", "ignore", "inherit"], env: serverEnv, detached: true });
    await waitForHttp(`${baseUrl}/api/healthz`, 120_000);

    const testEnv = {
      PROCDECK_TEST_URL: baseUrl,
      PROCDECK_TEST_APP_CODE: TEST_CREDENTIALS.appCode,
      PROCDECK_TEST_APP_SECRET: TEST_CREDENTIALS.appSecret,
      PROCDECK_TEST_ADMIN_USER: TEST_CREDENTIALS.adminUser,
      PROCDECK_TEST_ADMIN_PASSWORD: TEST_CREDENTIALS.adminPassword,
      PROCDECK_TEST_ENROLL_SECRET: TEST_ENROLL_SECRET,
    };
    Object.assign(process.env, testEnv);
    if (!isFocused || matchingFiles("e2e/api").length > 0) await step("API tests", () => vitest("api", isFocused ? matchingFiles("e2e/api") : []));
    if (hasBrowserSpecs() && (!isFocused || matchingFiles("e2e/ui").length > 0)) {
      await step("browser", () => ensureChromium());
      await step("browser tests", () => playwright());
    }
  } finally {
    if (server?.pid) killGroup(server.pid);
    if (isDevServer) writeFileSync("tsconfig.json", tsconfig);
    await database?.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function step(name: string, action: () => Promise<void>) {
  console.log(`\n▶ ${name}`);
  try {
    await action();
  } catch (error) {
    console.error(`✗ ${name} failed: ${error instanceof Error ? error.message : error}`);
    if (!tallyHasFailures()) tally.failed += 1; // a step that fails before running tests still counts
    throw error;
  }
}

function tallyHasFailures() {
  return tally.failed > 0;
}

/** Test files under `dir` whose path contains one of the command-line filters. */
function matchingFiles(dir: string): string[] {
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" }).map((file) => path.join(dir, file));
  return files.filter((file) => /\.(test|spec)\.ts$/.test(file) && filters.some((filter) => file.includes(filter)));
}

async function vitest(project: "unit" | "api", files: string[] = []) {
  const output = path.join(reports, `vitest-${project}.json`);
  try {
    await run(BIN("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`, "--passWithNoTests", ...files]);
  } finally {
    countVitest(output);
  }
}

function countVitest(file: string) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
}

async function playwright() {
  const output = path.join(reports, "playwright.json");
  try {
    const specs = isFocused ? matchingFiles("e2e/ui") : [];
    await run(BIN("playwright"), ["test", ...specs], { env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output } });
  } finally {
    if (existsSync(output)) {
      const { stats } = JSON.parse(readFileSync(output, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
      tally.passed += stats.expected + stats.flaky;
      tally.failed += stats.unexpected;
      tally.skipped += stats.skipped;
    }
  }
}

function hasBrowserSpecs(): boolean {
  return existsSync("e2e/ui") && readdirSync("e2e/ui").some((file) => file.endsWith(".spec.ts"));
}

/** CI machines start fresh: install Debian's chromium when it is missing (never a downloaded build). */
async function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return;
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (args: string[]) => run(sudo.length ? "sudo" : "apt-get", [...(sudo.length ? ["apt-get"] : []), ...args], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  await apt(["update", "-qq"]);
  await apt(["install", "-y", "-qq", "chromium"]);
}

function killGroup(pid: number) {
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    spawnSync("kill", ["-TERM", String(pid)]);
  }
}

main()
  .then(() => finish())
  .catch((error: unknown) => {
    if (!tally.failed) {
      console.error("✗", error);
      tally.failed += 1;
    }
    finish();
  });

function finish() {
  rmSync(reports, { recursive: true, force: true });
  const skipped = tally.skipped ? `, ${tally.skipped} skipped` : "";
  console.log(`\nprocdeck: ${tally.passed} passed, ${tally.failed} failed${skipped}`);
  process.exit(tally.failed > 0 || tally.passed === 0 ? 1 : 0);
}
