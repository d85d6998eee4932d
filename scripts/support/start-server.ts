// `npm start` after generated code exists: validated env → database (embedded PostgreSQL when
// DATABASE_URL is unset, supervised: restarted when it dies) → migrations → first admin and API app →
// demo data (first start) → build if needed → the HTTP server (scripts/serve.ts, bundled by the build;
// the TypeScript itself with --dev), also started again when it dies.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { readStartEnv } from "@/lib/core/env";
import { ensureInitialCredentials, type TInitialCredentials } from "@/lib/access/ensure-initial-credentials";
import { loadDemoDataOnce } from "@/prisma/seed/load-demo-data";
import { ensureAgentBuild } from "./agent-build";
import { ensureBuild } from "./ensure-build";
import { prepareDatabase } from "./prepare-database";
import { SERVER_MEMORY_FLAGS } from "./node-memory-flags";
import { programArgs } from "./server-programs";

const RESTART_DELAYS_MS = [500, 1000, 2000, 5000];

export async function startServer() {
  const env = readStartEnv();
  const isDev = process.argv.includes("--dev");
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  const embeddedDir = path.join(env.PROCDECK_DATA_DIR, "embedded");
  const database = await prepareDatabase({ url: env.DATABASE_URL, embeddedDir, database: "procdeck", isSupervised: true });
  process.env.DATABASE_URL = database.url;
  console.log(database.isEmbedded ? `Database: embedded PostgreSQL (data in ${embeddedDir}; restarted if it stops)` : "Database: DATABASE_URL");

  const credentials = await ensureInitialCredentials({
    adminUser: env.PROCDECK_ADMIN_USER,
    adminPassword: env.PROCDECK_ADMIN_PASSWORD,
    appCode: env.PROCDECK_API_APP_CODE,
    appSecret: env.PROCDECK_API_APP_SECRET,
  });
  if (env.PROCDECK_DEMO === "1" && (await loadDemoDataOnce())) console.log("Loaded the demo data (business Demo, bk_biz_id 2).");

  if (!isDev) await ensureBuild();
  // the agent's single executable and .mjs, served under /agent/ (built when missing or changed)
  await ensureAgentBuild();

  let isStopping = false;
  let server: ChildProcess | undefined;
  let hasWelcomed = false;
  let restarts = 0;
  const launch = () => {
    // node itself (not the tsx wrapper): one process, so a signal or kill -9 reaches the server
    const child = spawn(process.execPath, [...SERVER_MEMORY_FLAGS, ...programArgs("serve", { isDev }), "--port", String(env.PORT), ...(isDev ? ["--dev"] : [])], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_ENV: isDev ? "development" : "production" },
    });
    server = child;
    child.stdout?.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (/Ready in/.test(chunk.toString())) {
        restarts = 0;
        if (!hasWelcomed) printWelcome(env.PORT, credentials);
        hasWelcomed = true;
      }
    });
    child.on("exit", (code, signal) => {
      if (isStopping) return;
      const delay = RESTART_DELAYS_MS[Math.min(restarts, RESTART_DELAYS_MS.length - 1)];
      restarts += 1;
      console.error(`Procdeck server exited (${signal ?? `code ${code}`}); starting it again in ${delay} ms`);
      setTimeout(() => !isStopping && launch(), delay);
    });
  };
  launch();

  const stop = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    server?.kill("SIGTERM");
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
}

/** Only secrets generated now are printed (once): one that came from the environment is its owner's to know. */
function printWelcome(port: number, credentials: TInitialCredentials) {
  const password = credentials.adminPassword
    ? `${credentials.adminPassword}  (generated; shown once)`
    : credentials.hasAppliedEnvPassword
      ? "(from PROCDECK_ADMIN_PASSWORD)"
      : "(unchanged since it was first printed; set PROCDECK_ADMIN_PASSWORD to reset)";
  const secret = credentials.appSecret
    ? `${credentials.appSecret}  (generated; shown once)`
    : credentials.hasAppliedEnvSecret
      ? "(from PROCDECK_API_APP_SECRET)"
      : "(unchanged since it was first printed; set PROCDECK_API_APP_SECRET to reset)";
  const lines = [
    "",
    `Procdeck is running: http://localhost:${port}`,
    `  console admin:  ${credentials.adminUser} / ${password}`,
    `  API app:        bk_app_code=${credentials.appCode} bk_app_secret=${secret}`,
    credentials.adminPassword || credentials.appSecret ? "  (generated secrets are stored hashed; set the env variable to choose your own)" : "",
    `  try:  curl -s -X POST http://localhost:${port}/api/v3/proc/search/0/2 -H 'BK_User: admin' \\`,
    `          -H 'X-Bkapi-Authorization: {"bk_app_code":"${credentials.appCode}","bk_app_secret":"<secret>"}' -d '{"page":{"limit":5}}'`,
    "",
  ];
  console.log(lines.filter((line) => line !== "").join("\n"));
}
