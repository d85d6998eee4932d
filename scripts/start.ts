// `npm start`: validated env → database (embedded PostgreSQL when DATABASE_URL is unset) → migrations
// → first admin and API app → demo data (first start) → build if needed → the Next.js server.
import { spawn } from "node:child_process";
import path from "node:path";
import { EnvError, readStartEnv } from "@/lib/env";
import { ensureInitialCredentials } from "@/lib/access/ensure-initial-credentials";
import { loadDemoDataOnce } from "@/prisma/seed/load-demo-data";
import { ensureBuild } from "./support/ensure-build";
import { prepareDatabase } from "./support/prepare-database";
import { BIN } from "./support/run";

async function main() {
  const env = readStartEnv();
  const isDev = process.argv.includes("--dev");
  process.env.NEXT_TELEMETRY_DISABLED = "1";

  const database = await prepareDatabase({ url: env.DATABASE_URL, embeddedDir: path.join(env.PROCDECK_DATA_DIR, "embedded"), database: "procdeck" });
  process.env.DATABASE_URL = database.url;
  console.log(database.isEmbedded ? `Database: embedded PostgreSQL (data in ${path.join(env.PROCDECK_DATA_DIR, "embedded")})` : "Database: DATABASE_URL");

  const credentials = await ensureInitialCredentials({
    adminUser: env.PROCDECK_ADMIN_USER,
    adminPassword: env.PROCDECK_ADMIN_PASSWORD,
    appCode: env.PROCDECK_API_APP_CODE,
    appSecret: env.PROCDECK_API_APP_SECRET,
  });
  if (env.PROCDECK_DEMO === "1" && (await loadDemoDataOnce())) console.log("Loaded the demo data (business Demo, bk_biz_id 2).");

  if (!isDev) await ensureBuild();
  const serverEnv = { ...process.env, NODE_ENV: isDev ? ("development" as const) : ("production" as const) };
  const server = spawn(BIN("tsx"), ["scripts/serve.ts", "--port", String(env.PORT), ...(isDev ? ["--dev"] : [])], { stdio: ["ignore", "pipe", "inherit"], env: serverEnv });
  server.stdout.on("data", (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (/Ready in|started server/i.test(chunk.toString())) printWelcome(env.PORT, credentials);
  });

  let isStopping = false;
  const stop = async (code: number) => {
    if (isStopping) return;
    isStopping = true;
    server.kill("SIGTERM");
    await database.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 1));
}

function printWelcome(port: number, credentials: Awaited<ReturnType<typeof ensureInitialCredentials>>) {
  const secretNote = "(shown once: it is stored hashed; set the env variable to choose your own)";
  const lines = [
    "",
    `Procdeck is running: http://localhost:${port}`,
    `  console admin:  ${credentials.adminUser} / ${credentials.adminPassword ?? "(unchanged since it was first printed; set PROCDECK_ADMIN_PASSWORD to reset)"}`,
    `  API app:        bk_app_code=${credentials.appCode} bk_app_secret=${credentials.appSecret ?? "(unchanged since it was first printed; set PROCDECK_API_APP_SECRET to reset)"}`,
    credentials.adminPassword || credentials.appSecret ? `  ${secretNote}` : "",
    `  try:  curl -s -X POST http://localhost:${port}/api/v3/proc/search/0/2 -H 'BK_User: admin' \\`,
    `          -H 'X-Bkapi-Authorization: {"bk_app_code":"${credentials.appCode}","bk_app_secret":"<secret>"}' -d '{"page":{"limit":5}}'`,
    "",
  ];
  console.log(lines.filter((line) => line !== "").join("\n"));
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) console.error(error.message);
  else console.error("Procdeck failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
