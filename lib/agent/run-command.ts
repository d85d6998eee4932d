// Runs one configured command with /bin/sh -c in setup_path as the configured user, bounded by
// op_timeout, keeping the last 4 KB of its output.
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
      env: { ...process.env, ...identity.env },
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

function resolveUser(user: string): TIdentity {
  const me = os.userInfo().username;
  if (!user || user === me) return { env: {} };
  if (process.getuid?.() !== 0) return { error: `cannot run as user '${user}': the agent runs as '${me}' without root` };
  try {
    const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const gid = Number(execFileSync("id", ["-g", user], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
    const home = execFileSync("sh", ["-c", 'getent passwd "$1" | cut -d: -f6', "sh", user], { encoding: "utf8" }).trim() || "/";
    return { uid, gid, env: { USER: user, LOGNAME: user, HOME: home } };
  } catch {
    return { error: `cannot run as user '${user}': no such user on this host` };
  }
}
