// The agent protocol (/api/agent/v1/...), shared by the server and the host agent — the only code
// they share. One zod definition per message: the server parses requests with it (lib/api/agent-route.ts),
// the agent parses replies with it (lib/agent/server-client.ts), and both use the inferred types.
// Every reply is {ok:true,data} or {ok:false,error:{code,message}}.
//
// Requests are read as leniently as the server always has: text an agent reports is made storable
// instead of refused (lib/protocol/storable-text.ts), any integer is a result code (an unknown one is
// shown as "result code N"), and absent lists are empty.
import { z } from "zod";
import { ZStorableText } from "@/lib/protocol/storable-text";

export const OUTPUT_TAIL_BYTES = 4096;
/** An agent that has not been heard from for this long counts as offline (it polls at least every MAX_WAIT_MS). */
export const AGENT_OFFLINE_AFTER_SECS = 45;
export const MAX_WAIT_MS = 25_000;

/** Sizes past which a request is refused: bounded work per request for the server. */
const MAX_RESULTS = 1000;
const MAX_EVENTS = 1000;
export const MAX_MANAGED = 10_000;

/** A task_row id (bigint) as text. */
export const ZRowId = z.string().regex(/^\d{1,18}$/);

/** What an agent needs to run and watch one process (GSE spec, normalised by lib/operations/process-spec.ts). */
export const ZProcSpec = z.object({
  procName: z.string(),
  setupPath: z.string(),
  pidPath: z.string(),
  /** empty: the agent's own user */
  user: z.string(),
  startCmd: z.string(),
  stopCmd: z.string(),
  restartCmd: z.string(),
  reloadCmd: z.string(),
  killCmd: z.string(),
  /** 0 periodic, 1 resident (restarted when it dies), 2 one-shot */
  autoType: z.number(),
  startCheckSecs: z.number(),
  startRetries: z.number(),
  startInterval: z.number(),
  opTimeout: z.number(),
});
export type TProcSpec = z.infer<typeof ZProcSpec>;

export const SPEC_DEFAULTS = { autoType: 1, startCheckSecs: 5, startRetries: 4, startInterval: 10, opTimeout: 60 } as const satisfies Partial<TProcSpec>;

/** One process the agent knows, as it last saw it; the console's process-instance view shows it. */
export const ZManagedState = z.object({
  namespace: ZStorableText(256),
  name: ZStorableText(512),
  spec: ZProcSpec,
  isManaged: z.boolean(),
  isRunning: z.boolean(),
  pid: z.number().int().nullable(),
  restartCount: z.number().int().min(0),
  lastEvent: ZStorableText(1000),
});
export type TManagedState = z.infer<typeof ZManagedState>;

/** A GSE result code (lib/protocol/result-codes.ts); any integer is stored. */
export const ZResultCode = z.number().int();

/** A GSE op_type as queued; the agent answers one it does not know with 832 (invalid op_type). */
export const ZOpType = z.number().int();

export const ZWorkItem = z.object({ rowId: z.string(), opType: ZOpType, namespace: z.string(), name: z.string(), spec: ZProcSpec });
export type TWorkItem = z.infer<typeof ZWorkItem>;

export const ZWorkResult = z.object({
  rowId: ZRowId,
  code: ZResultCode,
  message: ZStorableText(4000),
  content: ZStorableText(20_000),
  exitCode: z.number().int().nullable(),
  /** the agent keeps OUTPUT_TAIL_BYTES bytes; as UTF-16 that is at most twice as many code units */
  outputTail: ZStorableText(OUTPUT_TAIL_BYTES * 2),
  pid: z.number().int().nullable(),
  startedAt: z.iso.datetime({ offset: true }),
  finishedAt: z.iso.datetime({ offset: true }),
});
export type TWorkResult = z.infer<typeof ZWorkResult>;

/** Something the agent did on its own, such as restarting a managed process that died. */
export const ZAgentEvent = z.object({
  namespace: z.string(),
  name: z.string(),
  kind: z.enum(["restarted", "restart_failed", "gave_up"]),
  message: z.string().max(2000),
  pid: z.number().int().nullable(),
  at: z.string(),
});
export type TAgentEvent = z.infer<typeof ZAgentEvent>;

/** The managed list a request carries; empty: unchanged since the server last took it (lib/agent/managed-list-sync.ts). */
const ZManagedList = z.array(ZManagedState).max(MAX_MANAGED).default([]);

export const ZEnrollRequest = z.object({
  enrollment_token: z.string().min(1).max(500),
  bk_cloud_id: z.number().int().min(0),
  ip: z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, "an IPv4 address"),
  hostname: z.string().max(256).default(""),
  version: z.string().max(64).default(""),
  /** "<os>-<arch>" (linux-x64); absent from agents older than self-upgrade */
  platform: z.string().max(64).optional(),
});
export type TEnrollRequest = z.infer<typeof ZEnrollRequest>;

export const ZEnrollReply = z.object({ agent_token: z.string(), host_id: z.number().int() });
export type TEnrollReply = z.infer<typeof ZEnrollReply>;

/** Resource figures of one running process, sent with the heartbeat (not part of the managed list's digest). */
export const ZProcessStats = z.object({
  namespace: ZStorableText(256),
  name: ZStorableText(512),
  pid: z.number().int(),
  /** percent of one CPU over the agent's sample window */
  cpuPercent: z.number().min(0).max(1_000_000),
  /** resident set size */
  memBytes: z.number().int().min(0),
  startedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TProcessStatsReport = z.infer<typeof ZProcessStats>;

/** A long-poll, which is also the heartbeat. */
export const ZPollRequest = z.object({
  version: z.string().max(64).default(""),
  platform: z.string().max(64).optional(),
  waitMs: z.number().int().min(0).max(MAX_WAIT_MS).default(MAX_WAIT_MS),
  managed: ZManagedList,
  stats: z.array(ZProcessStats).max(MAX_MANAGED).default([]),
  /** this run of the agent (lib/agent/main.ts); absent from older agents, which get no redelivery */
  session: z.string().min(1).max(64).optional(),
  /** rows of this session received and not yet reported; a row claimed for it and not held is sent again */
  holding: z.array(ZRowId).max(MAX_MANAGED).default([]),
});
export type TPollRequest = z.infer<typeof ZPollRequest>;

/** The console asked this agent to replace itself with the server's build (lib/agent/self-upgrade.ts); older agents ignore it. */
export const ZUpgradeOrder = z.object({ version: z.string().max(64) });
export type TUpgradeOrder = z.infer<typeof ZUpgradeOrder>;

export const ZPollReply = z.object({ work: z.array(ZWorkItem), upgrade: ZUpgradeOrder.optional() });
export type TPollReply = z.infer<typeof ZPollReply>;

export const ZUpgradeProgress = z.object({
  state: z.enum(["downloading", "restarting", "failed"]),
  version: z.string().max(64),
  message: ZStorableText(1000),
});
export type TUpgradeProgress = z.infer<typeof ZUpgradeProgress>;

export const ZReportRequest = z.object({
  results: z.array(ZWorkResult).max(MAX_RESULTS).default([]),
  events: z.array(ZAgentEvent).max(MAX_EVENTS).default([]),
  managed: ZManagedList,
  /** how a self-upgrade goes; "done" is the server's to say, when the agent polls with the new version */
  upgrade: ZUpgradeProgress.optional(),
});
export type TReportRequest = z.infer<typeof ZReportRequest>;

/** How many of the reported results were taken: rows of this host still running. */
export const ZReportReply = z.object({ accepted: z.number().int() });
export type TReportReply = z.infer<typeof ZReportReply>;

export const ZAgentError = z.object({ code: z.string(), message: z.string() });
export type TAgentError = z.infer<typeof ZAgentError>;

/** The envelope around `data`. */
export function ZAgentReply<TData extends z.ZodType>(data: TData) {
  return z.discriminatedUnion("ok", [z.object({ ok: z.literal(true), data }), z.object({ ok: z.literal(false), error: ZAgentError })]);
}
export type TAgentReply<T> = { ok: true; data: T } | { ok: false; error: TAgentError };
