// Whether a process is alive, by its pid file. Zombies count as dead: in containers PID 1 may never
// reap a killed daemon, and kill(pid, 0) would still succeed on it.
import { readFileSync, statSync } from "node:fs";

export function readPid(pidPath: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(pidPath, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

/** The live pid from the pid file, or null. */
export function findLivePid(pidPath: string): number | null {
  const pid = readPid(pidPath);
  return pid !== null && isPidAlive(pid) ? pid : null;
}

export function readStartTime(pidPath: string): string | null {
  try {
    return statSync(pidPath).mtime.toISOString();
  } catch {
    return null;
  }
}
