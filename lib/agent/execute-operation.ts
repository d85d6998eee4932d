// One task row on this host: GSE op semantics and result codes (README, "Process operations and the
// host agent"; the codes are lib/protocol/result-codes.ts).
import { runCommand, type TCommandResult } from "./run-command";
import { findLivePid, readStartTime } from "./liveness";
import type { AgentStateStore } from "./managed-registry";
import { readProcessStats } from "./process-stats";
import type { TProcSpec, TWorkItem, TWorkResult } from "@/lib/protocol/agent-protocol";
import { OP_TYPE } from "@/lib/protocol/op-types";
import { RESULT_CODE } from "@/lib/protocol/result-codes";
import { buildStatusContent } from "./status-content";

type TOutcome = { code: number; message: string; content?: string; pid?: number | null; command?: TCommandResult };

const STOP_CHECK_SECS = 5;

/** `hostIp` is the agent's own address, echoed in status content the way GSE does. */
export async function executeOperation(item: TWorkItem, store: AgentStateStore, hostIp = ""): Promise<TWorkResult> {
  const startedAt = new Date().toISOString();
  let outcome: TOutcome;
  try {
    outcome = await perform(item, store, hostIp);
  } catch (error) {
    outcome = { code: RESULT_CODE.COMMAND_FAILED, message: `agent error: ${error instanceof Error ? error.message : String(error)}` };
  }
  const pid = outcome.pid ?? findLivePid(item.spec.pidPath);
  store.upsert(item.namespace, item.name, item.spec, { isRunning: pid !== null, pid });
  return {
    rowId: item.rowId,
    code: outcome.code,
    message: outcome.message,
    content: outcome.content ?? "",
    exitCode: outcome.command?.exitCode ?? null,
    outputTail: outcome.command?.output ?? "",
    pid,
    startedAt,
    finishedAt: new Date().toISOString(),
  };
}

async function perform({ opType, namespace, name, spec }: TWorkItem, store: AgentStateStore, hostIp: string): Promise<TOutcome> {
  switch (opType) {
    case OP_TYPE.START: {
      const running = findLivePid(spec.pidPath);
      if (running !== null) return { code: RESULT_CODE.ALREADY_RUNNING, message: `already running (pid ${running})`, pid: running };
      const outcome = await startProcess(spec);
      if (outcome.code === RESULT_CODE.DONE) store.upsert(namespace, name, spec, { isManaged: true, restartCount: 0, lastEvent: "started" });
      return outcome;
    }
    case OP_TYPE.STOP: {
      const running = findLivePid(spec.pidPath);
      if (running === null) {
        store.upsert(namespace, name, spec, { isManaged: false });
        return { code: RESULT_CODE.NOT_RUNNING, message: "not running", pid: null };
      }
      // unregister first, so the watcher does not bring it straight back
      store.upsert(namespace, name, spec, { isManaged: false, lastEvent: "stopped" });
      const command = spec.stopCmd ? await run(spec, spec.stopCmd) : undefined;
      if (!spec.stopCmd) process.kill(running, "SIGTERM");
      if (command && !isSuccess(command)) return commandFailed("stop_cmd", command);
      return (await waitUntilDead(spec.pidPath, STOP_CHECK_SECS))
        ? { code: RESULT_CODE.DONE, message: "stopped", command, pid: null }
        : { code: RESULT_CODE.POST_CHECK_FAILED, message: `stop: still running after ${STOP_CHECK_SECS} s`, command };
    }
    case OP_TYPE.RESTART: {
      if (spec.restartCmd) {
        const command = await run(spec, spec.restartCmd);
        if (!isSuccess(command)) return commandFailed("restart_cmd", command);
        return checkStarted(spec, command);
      }
      const running = findLivePid(spec.pidPath);
      if (running !== null) {
        const command = spec.stopCmd ? await run(spec, spec.stopCmd) : undefined;
        if (!spec.stopCmd) process.kill(running, "SIGTERM");
        if (command && !isSuccess(command)) return commandFailed("stop_cmd", command);
        if (!(await waitUntilDead(spec.pidPath, STOP_CHECK_SECS))) return { code: RESULT_CODE.POST_CHECK_FAILED, message: "restart: the old process did not stop", command };
      }
      return startProcess(spec);
    }
    case OP_TYPE.RELOAD: {
      if (!spec.reloadCmd) return { code: RESULT_CODE.COMMAND_FAILED, message: "no reload_cmd in the spec" };
      if (findLivePid(spec.pidPath) === null) return { code: RESULT_CODE.NOT_RUNNING, message: "not running: nothing to reload" };
      const command = await run(spec, spec.reloadCmd);
      return isSuccess(command) ? { code: RESULT_CODE.DONE, message: "reloaded", command } : commandFailed("reload_cmd", command);
    }
    case OP_TYPE.KILL: {
      const running = findLivePid(spec.pidPath);
      store.upsert(namespace, name, spec, { isManaged: false, lastEvent: "killed" });
      if (running === null) return { code: RESULT_CODE.NOT_RUNNING, message: "not running", pid: null };
      const command = spec.killCmd ? await run(spec, spec.killCmd) : undefined;
      if (!spec.killCmd) process.kill(running, "SIGKILL");
      if (command && !isSuccess(command)) return commandFailed("kill_cmd", command);
      return (await waitUntilDead(spec.pidPath, STOP_CHECK_SECS))
        ? { code: RESULT_CODE.DONE, message: "killed", command, pid: null }
        : { code: RESULT_CODE.POST_CHECK_FAILED, message: "kill: still running", command };
    }
    case OP_TYPE.STATUS: {
      const stats = await readProcessStats(findLivePid(spec.pidPath));
      // it may have exited during the sample window: ask again so that the row, the managed state and
      // the content agree (without /proc, liveness still answers and the stats stay empty)
      const pid = stats.pid > 0 ? stats.pid : findLivePid(spec.pidPath);
      const isManaged = store.find(namespace, name)?.isManaged ?? false;
      const content = buildStatusContent({ procName: spec.procName, hostIp, pid, isManaged, stats, fallbackStartTime: pid === null ? null : readStartTime(spec.pidPath) });
      return { code: RESULT_CODE.DONE, message: pid === null ? "not running" : `running (pid ${pid})`, pid, content };
    }
    case OP_TYPE.REGISTER:
      store.upsert(namespace, name, spec, { isManaged: true, restartCount: 0, lastEvent: "registered" });
      return { code: RESULT_CODE.DONE, message: "registered as managed" };
    case OP_TYPE.UNREGISTER:
      store.upsert(namespace, name, spec, { isManaged: false, lastEvent: "unregistered" });
      return { code: RESULT_CODE.DONE, message: "no longer managed" };
    default:
      return { code: RESULT_CODE.INVALID_OP, message: `invalid op_type ${opType}` };
  }
}

/** Runs start_cmd and checks the pid file after start_check_secs. Shared with the managed watcher. */
export async function startProcess(spec: TProcSpec): Promise<TOutcome> {
  if (!spec.startCmd) return { code: RESULT_CODE.COMMAND_FAILED, message: "no start_cmd in the spec" };
  const command = await run(spec, spec.startCmd);
  if (!isSuccess(command)) return commandFailed("start_cmd", command);
  return checkStarted(spec, command);
}

async function checkStarted(spec: TProcSpec, command: TCommandResult): Promise<TOutcome> {
  await sleep(spec.startCheckSecs * 1000);
  const pid = findLivePid(spec.pidPath);
  return pid !== null
    ? { code: RESULT_CODE.DONE, message: `running (pid ${pid})`, command, pid }
    : { code: RESULT_CODE.POST_CHECK_FAILED, message: `started, but not alive after ${spec.startCheckSecs} s (pid file ${spec.pidPath})`, command, pid: null };
}

function run(spec: TProcSpec, command: string) {
  return runCommand({ command, cwd: spec.setupPath, user: spec.user, timeoutSecs: spec.opTimeout });
}

function isSuccess(command: TCommandResult) {
  return !command.error && !command.isTimedOut && command.exitCode === 0;
}

function commandFailed(attribute: string, command: TCommandResult): TOutcome {
  const why = command.error ?? (command.isTimedOut ? "timed out" : `exited with ${command.exitCode}`);
  const tail = command.output.trim().split("\n").slice(-3).join(" | ");
  return { code: RESULT_CODE.COMMAND_FAILED, message: `${attribute} ${why}${tail ? `: ${tail}` : ""}`.slice(0, 2000), command };
}

async function waitUntilDead(pidPath: string, seconds: number): Promise<boolean> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (findLivePid(pidPath) === null) return true;
    await sleep(100);
  }
  return findLivePid(pidPath) === null;
}

export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
