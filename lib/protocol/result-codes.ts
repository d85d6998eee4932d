// What a task row's result code says: GSE's codes, the one list the agent answers with, the server
// stores and settles with, and the console labels (README, "Process operations and the host agent").
// Browser-safe: no imports, so the console bundle takes only this table.

export type TRowOutcome = "running" | "succeeded" | "failed";

/** Every code Procdeck writes, with what it means and how it counts for its task. */
export const RESULT_CODES = {
  DONE: { code: 0, outcome: "succeeded", meaning: "done" },
  RUNNING: { code: 115, outcome: "running", meaning: "still running" },
  AGENT_OFFLINE: { code: 117, outcome: "failed", meaning: "no live agent on the host, or a host Procdeck does not know (the row ends at once)" },
  // 828 and 829 left the process as asked, so they count as success
  ALREADY_RUNNING: { code: 828, outcome: "succeeded", meaning: "already running (start)" },
  NOT_RUNNING: { code: 829, outcome: "succeeded", meaning: "not running (stop, kill, reload)" },
  INVALID_OP: { code: 832, outcome: "failed", meaning: "invalid op_type" },
  POST_CHECK_FAILED: { code: 836, outcome: "failed", meaning: "post-check failed: started but not alive after start_check_secs, or still alive after a stop" },
  COMMAND_FAILED: { code: 65535, outcome: "failed", meaning: "the command failed (exit status, time-out, unknown user); its output is in the message" },
} as const satisfies Record<string, { code: number; outcome: TRowOutcome; meaning: string }>;

export type TResultCodeName = keyof typeof RESULT_CODES;
export type TResultCode = (typeof RESULT_CODES)[TResultCodeName]["code"];

const NAMES = Object.keys(RESULT_CODES) as TResultCodeName[];

/** The codes by name, for code and for SQL (as parameters, or spliced from here: never a bare number). */
export const RESULT_CODE = Object.fromEntries(NAMES.map((name) => [name, RESULT_CODES[name].code])) as { readonly [K in TResultCodeName]: (typeof RESULT_CODES)[K]["code"] };

/** 0, 828 and 829. */
export const SUCCESS_CODES: readonly number[] = NAMES.filter((name) => RESULT_CODES[name].outcome === "succeeded").map((name) => RESULT_CODES[name].code);

/** Codes that are not failures: the success codes and 115 (a failed row is any other code). */
export const NOT_FAILED_CODES: readonly number[] = [RESULT_CODE.RUNNING, ...SUCCESS_CODES];

export function isSuccessCode(code: number): boolean {
  return SUCCESS_CODES.includes(code);
}

/** A code this table does not know (an agent of another version) counts as failed, like GSE's. */
export function rowOutcomeOf(code: number): TRowOutcome {
  if (code === RESULT_CODE.RUNNING) return "running";
  return isSuccessCode(code) ? "succeeded" : "failed";
}

const NAME_BY_CODE = new Map<number, TResultCodeName>(NAMES.map((name) => [RESULT_CODES[name].code, name]));

/** The name of a known code, undefined for any other. */
export function resultCodeNameOf(code: number): TResultCodeName | undefined {
  return NAME_BY_CODE.get(code);
}
