// What an operation's result codes and op types mean to a person: a row's state (running, succeeded,
// failed), a readable message key per code, the operations the console offers and which of them ask
// for confirmation first. Browser-safe; the codes are those of the agent protocol (CONTRACT §3).
import { OP_TYPE, RESULT_CODE } from "@/lib/protocol/agent-protocol";
import type { TMessageKey } from "@/lib/client/i18n/messages";

export type TRowState = "running" | "succeeded" | "failed";

/** 828 (already running) and 829 (not running) left the process as asked: they count as success, as on the server. */
export function rowState(code: number): TRowState {
  if (code === RESULT_CODE.RUNNING) return "running";
  return code === RESULT_CODE.DONE || code === RESULT_CODE.ALREADY_RUNNING || code === RESULT_CODE.NOT_RUNNING ? "succeeded" : "failed";
}

const CODE_MESSAGES: Record<number, TMessageKey> = {
  [RESULT_CODE.DONE]: "code0",
  [RESULT_CODE.RUNNING]: "code115",
  [RESULT_CODE.AGENT_OFFLINE]: "code117",
  [RESULT_CODE.ALREADY_RUNNING]: "code828",
  [RESULT_CODE.NOT_RUNNING]: "code829",
  [RESULT_CODE.INVALID_OP]: "code832",
  [RESULT_CODE.POST_CHECK_FAILED]: "code836",
  [RESULT_CODE.COMMAND_FAILED]: "code65535",
};

/** The readable message of a result code; codes the console does not know get "result code {code}". */
export function resultMessageKey(code: number): TMessageKey {
  return CODE_MESSAGES[code] ?? "codeUnknown";
}

const OP_LABELS: Record<number, TMessageKey> = {
  [OP_TYPE.START]: "opStart",
  [OP_TYPE.STOP]: "opStop",
  [OP_TYPE.STATUS]: "opStatus",
  [OP_TYPE.REGISTER]: "opRegister",
  [OP_TYPE.UNREGISTER]: "opUnregister",
  [OP_TYPE.RESTART]: "opRestart",
  [OP_TYPE.RELOAD]: "opReload",
  [OP_TYPE.KILL]: "opKill",
};

export function opTypeKey(opType: number): TMessageKey {
  return OP_LABELS[opType] ?? "opUnknown";
}

/** The operations of the Operate dialog, in the order shown, with a one-line explanation each. */
export const CONSOLE_OPERATIONS: { opType: number; hint: TMessageKey }[] = [
  { opType: OP_TYPE.START, hint: "opStartHint" },
  { opType: OP_TYPE.STOP, hint: "opStopHint" },
  { opType: OP_TYPE.RESTART, hint: "opRestartHint" },
  { opType: OP_TYPE.RELOAD, hint: "opReloadHint" },
  { opType: OP_TYPE.KILL, hint: "opKillHint" },
  { opType: OP_TYPE.STATUS, hint: "opStatusHint" },
  { opType: OP_TYPE.REGISTER, hint: "opRegisterHint" },
  { opType: OP_TYPE.UNREGISTER, hint: "opUnregisterHint" },
];

/** Stop and kill always ask first; anything else asks when it touches more than one host. */
export function needsConfirmation(opType: number, hostCount: number): boolean {
  return opType === OP_TYPE.STOP || opType === OP_TYPE.KILL || hostCount > 1;
}

/** Stop and kill end a running service: their buttons are red. */
export function isDestructive(opType: number): boolean {
  return opType === OP_TYPE.STOP || opType === OP_TYPE.KILL;
}

/** A task's state from its progress: running while any row is, failed when any row failed. */
export function taskState(progress: { running: number; failed: number }): TRowState {
  return progress.running > 0 ? "running" : progress.failed > 0 ? "failed" : "succeeded";
}
