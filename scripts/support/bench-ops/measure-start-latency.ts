// (b) Request → confirmed running on one host, for the same pid-file daemon:
// - Procdeck: GSE operate_proc start (start_check_secs = N) handled by the real agent, then
//   get_proc_operate_result every POLL_MS until the row is no longer 115;
// - supervisor: `supervisorctl start` with startsecs = N (it returns once the program is RUNNING).
// Repetitions alternate between the two so drift in machine load hits both alike; each start is
// followed by an untimed stop.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { OP_TYPE } from "@/lib/protocol/op-types";
import { registerCleanup } from "./cleanup";
import type { TEsbClient } from "./esb-client";
import type { TBenchHost } from "./insert-bench-hosts";
import { showProgress } from "./show-progress";
import type { TSupervisor } from "./run-supervisord";

export type TStartLatency = { startCheckSecs: number; procdeckMs: number[]; supervisorMs: number[]; pollMs: number };

/** The client's polling interval: fine enough that it adds little to what is measured. */
const POLL_MS = 50;
const DAEMON_SCRIPT = path.resolve("e2e/fixtures/pidfile-daemon.sh");

export type TDaemonFiles = { procdeckSpec: object; supervisorCommand: string; procdeckPidPath: string; supervisorPidPath: string };

/** Separate pid and log files for each side, so neither can see the other's daemon as running. */
export function prepareDaemonFiles(startCheckSecs: number): TDaemonFiles {
  const dir = mkdtempSync(path.join(os.tmpdir(), "procdeck-bench-daemon-"));
  const procdeckDir = path.join(dir, "procdeck");
  const supervisorDir = path.join(dir, "supervisor");
  mkdirSync(procdeckDir);
  mkdirSync(supervisorDir);
  const procdeckPidPath = path.join(procdeckDir, "daemon.pid");
  const supervisorPidPath = path.join(supervisorDir, "daemon.pid");
  registerCleanup({
    name: "daemons",
    // a daemon started by the agent outlives the agent by design: stop it through its pid file
    stopNow: () => {
      for (const pidPath of [procdeckPidPath, supervisorPidPath]) killFromPidFile(pidPath);
      rmSync(dir, { recursive: true, force: true });
    },
  });
  return {
    procdeckPidPath,
    supervisorPidPath,
    procdeckSpec: {
      identity: { proc_name: "bench-daemon", setup_path: procdeckDir, pid_path: procdeckPidPath, user: os.userInfo().username },
      control: { start_cmd: `sh ${DAEMON_SCRIPT} ${procdeckPidPath} ${path.join(procdeckDir, "daemon.log")} >/dev/null 2>&1 &`, stop_cmd: `kill $(cat ${procdeckPidPath})` },
      alive_monitor_policy: { auto_type: 1, start_check_secs: startCheckSecs, start_retries: 0, start_interval: 1, op_timeout: 30 },
    },
    // the same script, in the foreground as supervisord expects
    supervisorCommand: `sh ${DAEMON_SCRIPT} ${supervisorPidPath} ${path.join(supervisorDir, "daemon.log")}`,
  };
}

export async function measureStartLatency(input: { esb: TEsbClient; host: TBenchHost; supervisor: TSupervisor; daemon: TDaemonFiles; startCheckSecs: number; repetitions: number }): Promise<TStartLatency> {
  const { esb, host, supervisor, daemon, startCheckSecs, repetitions } = input;
  const meta = { namespace: "bench", name: "start-latency" };
  const operate = async (opType: number) => {
    const taskId = await esb.operate({ hosts: [host], opType, meta, spec: daemon.procdeckSpec });
    const { rows } = await esb.waitForTask(taskId, { intervalMs: POLL_MS, timeoutMs: 60_000 });
    const [row] = Object.values(rows);
    if (row.error_code !== 0) throw new Error(`Procdeck op ${opType} ended ${row.error_code}: ${row.error_msg}`);
  };
  const timeProcdeck = async () => {
    const startedAt = performance.now();
    await operate(OP_TYPE.START);
    const ms = performance.now() - startedAt;
    assertRunning(daemon.procdeckPidPath, "Procdeck");
    await operate(OP_TYPE.STOP);
    return ms;
  };
  const timeSupervisor = async () => {
    const startedAt = performance.now();
    await supervisor.start();
    const ms = performance.now() - startedAt;
    assertRunning(daemon.supervisorPidPath, "supervisor");
    await supervisor.stop();
    return ms;
  };

  // one untimed round each: first-request costs (route code, Python imports) are not what is compared
  await timeProcdeck();
  await timeSupervisor();

  const procdeckMs: number[] = [];
  const supervisorMs: number[] = [];
  const progress = showProgress("start → running, each side", repetitions);
  for (let i = 0; i < repetitions; i++) {
    procdeckMs.push(await timeProcdeck());
    supervisorMs.push(await timeSupervisor());
    progress.update(i + 1);
  }
  progress.finish();
  return { startCheckSecs, procdeckMs, supervisorMs, pollMs: POLL_MS };
}

function assertRunning(pidPath: string, side: string) {
  const pid = existsSync(pidPath) ? Number(readFileSync(pidPath, "utf8").trim()) : 0;
  try {
    if (pid > 0) {
      process.kill(pid, 0);
      return;
    }
  } catch {
    // falls through to the error
  }
  throw new Error(`${side} reported the daemon running, but its pid file ${pidPath} names no live process`);
}

function killFromPidFile(pidPath: string) {
  try {
    const pid = Number(readFileSync(pidPath, "utf8").trim());
    if (pid > 0) process.kill(pid, "SIGTERM");
  } catch {
    // no pid file or already gone
  }
}
