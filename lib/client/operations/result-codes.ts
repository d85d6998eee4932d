// What an operation's result codes and op types mean to a person: a row's state (running, succeeded,
// failed), a readable message key per code, the operations the console offers and which of them ask
// for confirmation first. Browser-safe; the codes, their meanings and which count as success are the
// protocol's (lib/protocol/result-codes.ts), only the labels live here.
import { OP_TYPE, type TOpTypeName } from "@/lib/protocol/op-types";
import { resultCodeNameOf, rowOutcomeOf, type TResultCodeName, type TRowOutcome } from "@/lib/protocol/result-codes";
import type { TMessageKey } from "@/lib/client/i18n/messages";

export type TRowState = TRowOutcome;

/** 828 (already running) and 829 (not running) left the process as asked: they count as success, as on the server. */
export function rowState(code: number): TRowState {
  return rowOutcomeOf(code);
}

/** One label per protocol code: a code added there fails the type check here until it has one. */
const CODE_MESSAGES = {
  DONE: "code0",
  RUNNING: "code115",
  AGENT_OFFLINE: "code117",
  ALREADY_RUNNING: "code828",
  NOT_RUNNING: "code829",
  INVALID_OP: "code832",
  POST_CHECK_FAILED: "code836",
  COMMAND_FAILED: "code65535",
} as const satisfies Record<TResultCodeName, TMessageKey>;

/** The readable message of a result code; codes the console does not know get "result code {code}". */
export function resultMessageKey(code: number): TMessageKey {
  const name = resultCodeNameOf(code);
  return name ? CODE_MESSAGES[name] : "codeUnknown";
}

const OP_LABELS = {
  START: "opStart",
  STOP: "opStop",
  STATUS: "opStatus",
  REGISTER: "opRegister",
  UNREGISTER: "opUnregister",
  RESTART: "opRestart",
  RELOAD: "opReload",
  KILL: "opKill",
} as const satisfies Record<TOpTypeName, TMessageKey>;

const OP_LABEL_BY_TYPE = new Map<number, TMessageKey>((Object.keys(OP_LABELS) as TOpTypeName[]).map((name) => [OP_TYPE[name], OP_LABELS[name]]));

export function opTypeKey(opType: number): TMessageKey {
  return OP_LABEL_BY_TYPE.get(opType) ?? "opUnknown";
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
