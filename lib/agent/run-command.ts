// Runs one configured command with /bin/sh -c in setup_path as the configured user, bounded by
// op_timeout, keeping the last 4 KB of its output. The command gets a clean environment, as a login
// would give it: the user's HOME, USER, LOGNAME and SHELL, a standard PATH and LANG, and nothing of
// the agent's own environment (which may hold its token, the enrolment secret or a database URL, and
// whatever a command prints is shown to viewers of the business).
import { execFileSync, spawn } from "node:child_process";
import os from "node:os";
import { OUTPUT_TAIL_BYTES } from "@/lib/protocol/agent-protocol";

export type TCommandResult = { exitCode: number | null; output: string; isTimedOut: boolean; error?: string };

type TRunOptions = { command: string; cwd: string; user: string; timeoutSecs: number };

export async function runCommand({ command, cwd, user, timeoutSecs }: TRunOptions): Promise<TCommandResult> {
  const identity = resolveUser(user);
  if ("error" in identity) return { exitCode: null, output: "", isTimedOut: false, error: identity.error };

  return new Promise((resolve) => {
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString("utf8")).slice(-OUTPUT_TAIL_BYTES);
    };
    // its own process group, so a timeout can stop the command and everything it started in the foreground
    const child = spawn("/bin/sh", ["-c", command], {
      cwd: cwd || "/",
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      // (cast: Next's types make NODE_ENV a required key of every environment)
      env: identity.env as NodeJS.ProcessEnv,
      ...(identity.uid !== undefined ? { uid: identity.uid, gid: identity.gid } : {}),
    });
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    const timer = setTimeout(() => {
      isTimedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutSecs * 1000);
    let isTimedOut = false;
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ exitCode: null, output, isTimedOut: false, error: `cannot run the command: ${error.message}` });
    });
    // 'exit', not 'close': a daemon started in the background may hold the pipes open for ever
    child.on("exit", (code) => {
      clearTimeout(timer);
      setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        resolve({ exitCode: code, output, isTimedOut });
      }, 50);
    });
  });
}

type TIdentity = { uid?: number; gid?: number; env: Record<string, string> } | { error: string };

/** What login(1) would set; root gets the sbin folders first, like Debian's /etc/login.defs. */
const USER_PATH = "/usr/local/bin:/usr/bin:/bin";
const ROOT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
const LANG = "C.UTF-8";

export function cleanEnvironment(account: { name: string; uid: number; home: string; shell: string }): Record<string, string> {
  return {
    HOME: account.home || "/",
    USER: account.name,
    LOGNAME: account.name,
    SHELL: account.shell || "/bin/sh",
    PATH: account.uid === 0 ? ROOT_PATH : USER_PATH,
    LANG,
  };
}

function resolveUser(user: string): TIdentity {
  const me = os.userInfo();
  if (!user || user === me.username) {
    return { env: cleanEnvironment({ name: me.username, uid: me.uid, home: me.homedir, shell: me.shell ?? "" }) };
  }
  if (process.getuid?.() !== 0) return { error: `cannot run as user '${user}': the agent runs as '${me.username}' without root` };
  try {
    // name:password:uid:gid:gecos:home:shell
    const entry = execFileSync("getent", ["passwd", user], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n")[0].split(":");
    const uid = Number(entry[2]);
    const gid = Number(entry[3]);
    if (entry.length < 7 || !Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error("unreadable passwd entry");
    return { uid, gid, env: cleanEnvironment({ name: entry[0], uid, home: entry[5], shell: entry[6] }) };
  } catch {
    return { error: `cannot run as user '${user}': no such user on this host` };
  }
}
