// A fresh embedded PostgreSQL for the benchmark, with pg_stat_statements loaded: the statement
// counts per row come from it. The data folder is wiped before and after, so every run starts from
// the same empty database.
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDb } from "../embedded-db";
import { BIN, run } from "../run";
import { registerCleanup } from "./cleanup";

export type TBenchDatabase = { url: string; dataDir: string; readPostmasterPid: () => number | null; sql: pg.Client };

export async function startBenchDatabase(dir: string): Promise<TBenchDatabase> {
  const folder = path.resolve(dir);
  rmSync(folder, { recursive: true, force: true });
  const db = await startEmbeddedDb({
    dir: folder,
    database: "procdeck_bench",
    preferredPort: 54400,
    // track=top: statements the server sends, not the ones inside functions they call
    extraFlags: ["-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track=top", "-c", "pg_stat_statements.max=10000"],
  });
  const dataDir = path.join(folder, "pgdata");
  const readPostmasterPid = () => {
    const file = path.join(dataDir, "postmaster.pid");
    if (!existsSync(file)) return null;
    const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
    return pid > 0 ? pid : null;
  };
  const sql = new pg.Client({ connectionString: db.url });
  // the server going down (Ctrl-C, cleanup) ends this connection; that must not crash the cleanup
  sql.on("error", () => {});
  registerCleanup({
    name: "database",
    // from the 'exit' event only signals work: fast shutdown, and the folder goes once it is down
    stopNow: () => {
      const pid = readPostmasterPid();
      if (pid && isAlive(pid)) process.kill(pid, "SIGINT");
      else rmSync(folder, { recursive: true, force: true });
    },
    stop: async () => {
      await sql.end().catch(() => {});
      await db.stop();
      rmSync(folder, { recursive: true, force: true });
    },
    isDone: () => {
      const pid = readPostmasterPid();
      return !pid || !isAlive(pid);
    },
  });

  await run(BIN("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: db.url }, stdio: ["ignore", "ignore", "inherit"] });
  await sql.connect();
  await sql.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  return { url: db.url, dataDir, readPostmasterPid, sql };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
