// Every operation surface describes a process differently (GSE spec, JOB process_infos, the
// catalogue's attributes); all become one TProcSpec before anything is queued.
//
// Read as the real clients send it (README, "Works with"): `null` for an optional field means its
// default (GSEKit sends `op_timeout: null` when the catalogue has no timeout), unknown keys are
// ignored as GSE ignores them (bk-nodeman adds `spec.resource`), and the v1 spec's `monitor_policy`
// (register_proc_info / update_proc_info, bk-nodeman's legacy client) stands for `alive_monitor_policy`.
import { z } from "zod";
import { isRecord } from "@/lib/access/authenticate-app";
import { SPEC_DEFAULTS, type TProcSpec } from "@/lib/protocol/agent-protocol";
import { OP_TYPE } from "@/lib/protocol/op-types";
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";

const ZText = z.string().max(2000);
const ZSecs = z.number().int().min(0).max(86_400);
const ZOpTimeout = z.number().int().min(1).max(86_400);

/** A JSON scalar label value, kept as a string (GSEKit sends bk_process_id as an integer). */
const ZLabelValue = z.union([z.string().max(1024), z.number(), z.boolean(), z.null()]).transform((value) => (value === null ? "" : String(value)));
export const ZLabels = z.record(z.string().max(256), ZLabelValue);
export type TLabels = Record<string, string>;

const ZPolicy = z.object({
  auto_type: z.number().int().min(0).max(2).nullish(),
  start_check_secs: ZSecs.nullish(),
  stop_check_secs: ZSecs.nullish(),
  start_retries: z.number().int().min(0).max(100).nullish(),
  start_interval: ZSecs.nullish(),
  crontab_rule: z.string().max(256).nullish(),
  op_timeout: ZOpTimeout.nullish(),
});

function gseSpecSchema<TPolicy extends z.ZodType>(policy: TPolicy) {
  return z.preprocess(
    (spec) => (isRecord(spec) && spec.alive_monitor_policy == null && isRecord(spec.monitor_policy) ? { ...spec, alive_monitor_policy: spec.monitor_policy } : spec),
    z.object({
      identity: z.object({
        // absent: the spec is only the empty shell bk-cmdb 3.2's proc_server sends with a v1
        // operate_proc (its Go struct has no omitempty on spec), so the registered spec applies
        proc_name: z.string().max(256).nullish(),
        // required for every operation that runs a command (checked with the op type: assertRunnable);
        // a status query may leave them empty, as GSEKit's status sync does for unconfigured processes
        setup_path: z.string().max(2000).nullish(),
        pid_path: z.string().max(2000).nullish(),
        user: z.string().max(256).nullish(),
        index_key: z.string().max(512).nullish(),
        config_path: z.string().max(2000).nullish(),
        log_path: z.string().max(2000).nullish(),
      }),
      control: z
        .object({ start_cmd: ZText.nullish(), stop_cmd: ZText.nullish(), restart_cmd: ZText.nullish(), reload_cmd: ZText.nullish(), kill_cmd: ZText.nullish(), version_cmd: ZText.nullish(), health_cmd: ZText.nullish() })
        .nullish(),
      alive_monitor_policy: policy,
    }),
  );
}

/**
 * GSE `spec` (002), read leniently: operate_proc(_v2|_multi) then requires alive_monitor_policy.auto_type
 * of a spec that names a process (assertOperableSpec). register_proc_info / update_proc_info take it as
 * bk-cmdb 3.2 registers: no user, no proc_name and an empty monitor_policy, which default (user: the
 * agent's own; proc_name: meta.name; auto_type: resident).
 */
export const ZGseSpec = gseSpecSchema(ZPolicy.nullish());
export type TGseSpec = z.infer<typeof ZGseSpec>;

export function assertOperableSpec(spec: TGseSpec, at = "spec"): void {
  if (spec.alive_monitor_policy?.auto_type != null) return;
  const field = spec.alive_monitor_policy ? `${at}.alive_monitor_policy.auto_type` : `${at}.alive_monitor_policy`;
  throw new ApiError("OUT_OF_RANGE", text(`${field} is required; nothing was queued`, `缺少 ${field}；未创建任务`));
}

/** Whether a spec names a process at all (bk-cmdb's empty shell does not). */
export function hasProcess(spec: TGseSpec | null | undefined): spec is TGseSpec {
  return Boolean(spec?.identity.proc_name);
}

export function specFromGse(spec: TGseSpec, fallbackProcName = ""): TProcSpec {
  const policy = spec.alive_monitor_policy ?? {};
  const control = spec.control ?? {};
  return {
    procName: spec.identity.proc_name || fallbackProcName,
    setupPath: spec.identity.setup_path ?? "",
    pidPath: spec.identity.pid_path ?? "",
    user: spec.identity.user ?? "",
    ...commandsOf(control),
    autoType: policy.auto_type ?? SPEC_DEFAULTS.autoType,
    startCheckSecs: policy.start_check_secs ?? SPEC_DEFAULTS.startCheckSecs,
    startRetries: policy.start_retries ?? SPEC_DEFAULTS.startRetries,
    startInterval: policy.start_interval ?? SPEC_DEFAULTS.startInterval,
    opTimeout: policy.op_timeout ?? SPEC_DEFAULTS.opTimeout,
  };
}

/**
 * Every operation but a status query runs commands in setup_path as user and watches pid_path, so
 * those three are required there (named with the request's own path, e.g.
 * `proc_operate_req.0.spec.identity.user`); a status query only needs proc_name. A registered v1 spec
 * may have no user (the v1 identity has none): the agent's own user runs it.
 */
export function assertRunnable(spec: TProcSpec, opType: number, at = "spec", { isUserRequired = true } = {}): void {
  if (opType === OP_TYPE.STATUS) return;
  const missing = (
    [
      ["setup_path", spec.setupPath],
      ["pid_path", spec.pidPath],
      ["user", isUserRequired ? spec.user : "-"],
    ] as const
  ).find(([, value]) => !value);
  if (!missing) return;
  const field = `${at}.identity.${missing[0]}`;
  throw new ApiError("OUT_OF_RANGE", text(`${field} is required for op_type ${opType}; nothing was queued`, `op_type ${opType} 需要 ${field}；未创建任务`));
}

/** JOB process_infos item (003 manage_proc, 004 operate_process); unknown keys (cpu_lmt, contact…) are ignored. */
export const ZJobProcessInfo = z.object({
  setup_path: z.string().max(2000).nullish(),
  proc_name: z.string().min(1).max(256),
  pid_path: z.string().max(2000).nullish(),
  account: z.string().max(256).nullish(),
  proc_owner: z.string().max(256).nullish(),
  start_cmd: ZText.nullish(),
  stop_cmd: ZText.nullish(),
  restart_cmd: ZText.nullish(),
  reload_cmd: ZText.nullish(),
  kill_cmd: ZText.nullish(),
  value_key: z.string().max(512).nullish(),
  type: z.number().int().min(0).max(2).nullish(),
  op_timeout: ZOpTimeout.nullish(),
  start_check_begin_time: ZSecs.nullish(),
  start_check_end_time: ZSecs.nullish(),
  ip_list: z.array(z.object({ bk_cloud_id: z.number().int().min(0).max(2_147_483_647), ip: z.string().min(1).max(64) })).min(1).max(5000),
});
export type TJobProcessInfo = z.infer<typeof ZJobProcessInfo>;

export function specFromJob(info: TJobProcessInfo): TProcSpec {
  return {
    procName: info.proc_name,
    setupPath: info.setup_path ?? "",
    pidPath: info.pid_path ?? "",
    user: info.account || info.proc_owner || "root",
    ...commandsOf(info),
    autoType: info.type ?? SPEC_DEFAULTS.autoType,
    startCheckSecs: info.start_check_begin_time ?? SPEC_DEFAULTS.startCheckSecs,
    startRetries: SPEC_DEFAULTS.startRetries,
    startInterval: SPEC_DEFAULTS.startInterval,
    opTimeout: info.op_timeout ?? SPEC_DEFAULTS.opTimeout,
  };
}

type TCommandFields = { start_cmd?: string | null; stop_cmd?: string | null; restart_cmd?: string | null; reload_cmd?: string | null; kill_cmd?: string | null };

/** GSE's `control` and JOB's process_infos name the five commands alike; absent or null is none. */
function commandsOf(source: TCommandFields): Pick<TProcSpec, "startCmd" | "stopCmd" | "restartCmd" | "reloadCmd" | "killCmd"> {
  return { startCmd: source.start_cmd ?? "", stopCmd: source.stop_cmd ?? "", restartCmd: source.restart_cmd ?? "", reloadCmd: source.reload_cmd ?? "", killCmd: source.kill_cmd ?? "" };
}

/** The JOB result key: "<setup_path>/<proc_name>". */
export function jobProcessKey(spec: Pick<TProcSpec, "setupPath" | "procName">): string {
  return `${spec.setupPath.replace(/\/+$/, "")}/${spec.procName}`;
}
