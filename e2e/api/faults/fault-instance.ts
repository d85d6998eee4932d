// A Procdeck of the fault tests' own, started exactly as a user does (`npm start`: embedded
// PostgreSQL under supervision, migrations, demo data, the HTTP server), on a free port with its own
// data folder, so killing its database or server cannot disturb the rest of the suite.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const FAULT_SECRETS = { adminPassword: "fault-admin-password-7b1c", appSecret: "fault-app-secret-0123456789abcdef", enrollSecret: "fault-enroll-secret-0123456789" };

export type TInstance = {
  url: string;
  dataDir: string;
  output: () => string;
  /** pids of the embedded PostgreSQL: the postmaster first, then its children */
  postgresPids: () => number[];
  serverPid: () => number | null;
  sql: <T extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<T[]>;
  stop: () => Promise<void>;
};

export async function startInstance(): Promise<TInstance> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "procdeck-faults-"));
  // as root, PostgreSQL runs as its own user, which must be able to reach the data folder inside
  chmodSync(dataDir, 0o755);
  const isDev = process.env.PROCDECK_TEST_DEV === "1";
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  Object.assign(env, {
    PORT: String(port),
    PROCDECK_DATA_DIR: dataDir,
    PROCDECK_ADMIN_PASSWORD: FAULT_SECRETS.adminPassword,
    PROCDECK_API_APP_SECRET: FAULT_SECRETS.appSecret,
    PROCDECK_AGENT_ENROLL_SECRET: FAULT_SECRETS.enrollSecret,
    PROCDECK_AGENT_GRACE_SECS: "2",
    PROCDECK_REPORT_SLACK_SECS: "2",
    PROCDECK_DEMO: "1",
    // a dev server of its own needs a build folder of its own; a production start reuses the test build
    ...(isDev ? { NEXT_DIST_DIR: ".next-faults" } : {}),
  });
  const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts", ...(isDev ? ["--dev"] : [])], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  while (!output.includes("Procdeck is running")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const pgDir = path.join(dataDir, "embedded", "pgdata");
  let pool: pg.Pool | undefined;
  const postmasterPid = () => Number(readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[0]);
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    output: () => output,
    postgresPids: () => {
      const main = postmasterPid();
      return [main, ...childrenOf(main)];
    },
    serverPid: () => findProcess((cmdline) => /\bserve\.(ts|mjs)\b/.test(cmdline) && cmdline.includes(String(port))),
    sql: async (text, values = []) => {
      const lines = readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n");
      pool ??= new pg.Pool({ host: "127.0.0.1", port: Number(lines[3]), user: "postgres", password: readFileSync(path.join(dataDir, "embedded", "pg-password"), "utf8").trim(), database: "procdeck", max: 2 });
      // the database is killed on purpose: an idle connection breaking then is expected
      pool.on("error", () => {});
      return (await pool.query(text, values)).rows;
    },
    stop: async () => {
      await pool?.end().catch(() => {});
      if (child.exitCode === null) process.kill(-child.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function childrenOf(parent: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

function findProcess(matches: (cmdline: string) => boolean): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (matches(readFileSync(`/proc/${entry}/cmdline`, "utf8").replace(/\0/g, " "))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}
