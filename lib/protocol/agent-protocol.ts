// The agent protocol (/api/agent/v1/...), shared by the server and the host agent — the only code
// they share. Every reply is {ok:true,data} or {ok:false,error:{code,message}}.

/** GSE per-row result codes (CONTRACT §3). */
export const RESULT_CODE = {
  DONE: 0,
  RUNNING: 115,
  AGENT_OFFLINE: 117,
  ALREADY_RUNNING: 828,
  NOT_RUNNING: 829,
  INVALID_OP: 832,
  POST_CHECK_FAILED: 836,
  COMMAND_FAILED: 65535,
} as const;

/** GSE op_type numbers. */
export const OP_TYPE = { START: 0, STOP: 1, STATUS: 2, REGISTER: 3, UNREGISTER: 4, RESTART: 7, RELOAD: 8, KILL: 9 } as const;
export const VALID_OP_TYPES: readonly number[] = Object.values(OP_TYPE);

/** What an agent needs to run and watch one process (GSE spec, normalised). */
export type TProcSpec = {
  procName: string;
  setupPath: string;
  pidPath: string;
  /** empty: the agent's own user */
  user: string;
  startCmd: string;
  stopCmd: string;
  restartCmd: string;
  reloadCmd: string;
  killCmd: string;
  /** 0 periodic, 1 resident (restarted when it dies), 2 one-shot */
  autoType: number;
  startCheckSecs: number;
  startRetries: number;
  startInterval: number;
  opTimeout: number;
};

export const SPEC_DEFAULTS = { autoType: 1, startCheckSecs: 5, startRetries: 4, startInterval: 10, opTimeout: 60 } as const;

export type TEnrollRequest = { enrollment_token: string; bk_cloud_id: number; ip: string; hostname: string; version: string };
export type TEnrollReply = { agent_token: string; host_id: number };

export type TWorkItem = { rowId: string; opType: number; namespace: string; name: string; spec: TProcSpec };

export type TManagedState = {
  namespace: string;
  name: string;
  spec: TProcSpec;
  isManaged: boolean;
  isRunning: boolean;
  pid: number | null;
  restartCount: number;
  lastEvent: string;
};

export type TPollRequest = { version: string; waitMs: number; managed: TManagedState[] };
export type TPollReply = { work: TWorkItem[] };

export type TWorkResult = {
  rowId: string;
  code: number;
  message: string;
  content: string;
  exitCode: number | null;
  outputTail: string;
  pid: number | null;
  startedAt: string;
  finishedAt: string;
};

/** Something the agent did on its own, such as restarting a managed process that died. */
export type TAgentEvent = { namespace: string; name: string; kind: "restarted" | "restart_failed" | "gave_up"; message: string; pid: number | null; at: string };

export type TReportRequest = { results: TWorkResult[]; events: TAgentEvent[]; managed: TManagedState[] };

export type TAgentReply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export const OUTPUT_TAIL_BYTES = 4096;
/** An agent that has not been heard from for this long counts as offline (it polls at least every MAX_WAIT_MS). */
export const AGENT_OFFLINE_AFTER_SECS = 45;
export const MAX_WAIT_MS = 25_000;
