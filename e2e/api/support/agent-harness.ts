// Real agents as child processes (`npm run agent`'s program) and real pid-file daemons, on loopback.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const BASE_URL = need("PROCDECK_TEST_URL");
const ENROLL_SECRET = need("PROCDECK_TEST_ENROLL_SECRET");
const APP = { code: need("PROCDECK_TEST_APP_CODE"), secret: need("PROCDECK_TEST_APP_SECRET") };
const DAEMON = path.resolve("e2e/fixtures/pidfile-daemon.sh");

/** What the agent prints once it serves: connected over its socket, or polling (the long-poll, or an agent older than the socket). */
export const AGENT_READY = /connected to|polling/;

export type TAgent = { ip: string; stateDir: string; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<void>; exited: Promise<number | null> };

/**
 * `servers`: the server URLs the agent is given (default the test server), in the order it tries them;
 * `args`: more options (`--transport poll`).
 */
export async function startAgent(ip: string, stateDir = mkdtempSync(path.join(os.tmpdir(), "procdeck-agent-")), { servers = [BASE_URL], args = [] }: { servers?: string[]; args?: string[] } = {}): Promise<TAgent> {
  const child: ChildProcess = spawn("node_modules/.bin/tsx", ["lib/agent/main.ts", "--server", servers.join(","), "--token", ENROLL_SECRET, "--ip", ip, "--state-dir", stateDir, "--watch-interval-ms", "300", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    // its own process group: tsx runs the agent in a child process, and a kill must reach both
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await waitFor(() => AGENT_READY.test(output), 20_000, () => `agent ${ip} did not start:\n${output}`);
  return {
    ip,
    stateDir,
    output: () => output,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null) process.kill(-child.pid!, signal);
      await exited;
    },
  };
}

/** A process spec for the test daemon; its files live in a fresh folder. */
export function daemonSpec(overrides: { startCheckSecs?: number; opTimeout?: number; startInterval?: number; user?: string } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "procdeck-daemon-"));
  const pidPath = path.join(dir, "daemon.pid");
  const logPath = path.join(dir, "daemon.log");
  const spec = {
    identity: { proc_name: "pidfile-daemon", setup_path: dir, pid_path: pidPath, user: overrides.user ?? os.userInfo().username },
    control: {
      start_cmd: `sh ${DAEMON} ${pidPath} ${logPath} >/dev/null 2>&1 &`,
      stop_cmd: `kill $(cat ${pidPath})`,
      reload_cmd: `kill -HUP $(cat ${pidPath})`,
      kill_cmd: `kill -9 $(cat ${pidPath}); rm -f ${pidPath}`,
    },
    alive_monitor_policy: { auto_type: 1, start_check_secs: overrides.startCheckSecs ?? 1, start_retries: 3, start_interval: overrides.startInterval ?? 1, op_timeout: overrides.opTimeout ?? 20 },
  };
  return { spec, dir, pidPath, logPath, readLog: () => (existsSync(logPath) ? readFileSync(logPath, "utf8") : "") };
}

export function readPid(pidPath: string): number | null {
  if (!existsSync(pidPath)) return null;
  const pid = Number(readFileSync(pidPath, "utf8").trim());
  return pid > 0 ? pid : null;
}

export function isAlive(pid: number | null): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
  } catch {
    return false;
  }
}

export type TEsbReply = { status: number; body: { result: boolean; code: number; message: string; data: unknown; request_id: string } };

export async function esb(pathname: string, body: unknown): Promise<TEsbReply> {
  const response = await fetch(`${BASE_URL}/api/c/compapi/v2/${pathname}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ bk_app_code: APP.code, bk_app_secret: APP.secret, bk_username: "ops-tester", ...(body as object) }),
  });
  return { status: response.status, body: await response.json() };
}

export type TRowResult = { error_code: number; error_msg: string; content: string };

/** Polls get_proc_operate_result until no row is 115 (as GSEKit does), returning the rows. */
export async function waitForGseTask(taskId: string, timeoutMs = 30_000): Promise<Record<string, TRowResult>> {
  let last: Record<string, TRowResult> = {};
  await waitFor(
    async () => {
      const reply = await esb("gse/get_proc_operate_result/", { task_id: taskId });
      last = reply.body.data as Record<string, TRowResult>;
      return Object.values(last).every((row) => row.error_code !== 115);
    },
    timeoutMs,
    () => `task ${taskId} still running: ${JSON.stringify(last)}`,
  );
  return last;
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the API tests through \`npm test\``);
  return value;
}
