// Every operation surface describes a process differently (GSE spec, JOB process_infos, the
// catalogue's attributes); all become one TProcSpec before anything is queued.
import { z } from "zod";
import { SPEC_DEFAULTS, type TProcSpec } from "@/lib/agent/protocol";

const ZText = z.string().max(2000);
const ZSecs = z.number().int().min(0).max(86_400);

/** GSE `spec` of operate_proc / operate_proc_v2 / operate_proc_multi (002). */
export const ZGseSpec = z.object({
  identity: z.object({
    proc_name: z.string().min(1).max(256),
    setup_path: z.string().min(1).max(2000),
    pid_path: z.string().min(1).max(2000),
    user: z.string().min(1).max(256),
    index_key: z.string().optional(),
    config_path: z.string().optional(),
    log_path: z.string().optional(),
  }),
  control: z
    .object({ start_cmd: ZText, stop_cmd: ZText, restart_cmd: ZText, reload_cmd: ZText, kill_cmd: ZText, version_cmd: ZText, health_cmd: ZText })
    .partial()
    .default({}),
  alive_monitor_policy: z.object({
    auto_type: z.number().int().min(0).max(2),
    start_check_secs: ZSecs.optional(),
    stop_check_secs: ZSecs.optional(),
    start_retries: z.number().int().min(0).max(100).optional(),
    start_interval: ZSecs.optional(),
    crontab_rule: z.string().optional(),
    op_timeout: z.number().int().min(1).max(86_400).optional(),
  }),
  warn_report_policy: z.unknown().optional(),
  configmap: z.unknown().optional(),
});
export type TGseSpec = z.infer<typeof ZGseSpec>;

export function specFromGse(spec: TGseSpec): TProcSpec {
  const policy = spec.alive_monitor_policy;
  return {
    procName: spec.identity.proc_name,
    setupPath: spec.identity.setup_path,
    pidPath: spec.identity.pid_path,
    user: spec.identity.user,
    startCmd: spec.control.start_cmd ?? "",
    stopCmd: spec.control.stop_cmd ?? "",
    restartCmd: spec.control.restart_cmd ?? "",
    reloadCmd: spec.control.reload_cmd ?? "",
    killCmd: spec.control.kill_cmd ?? "",
    autoType: policy.auto_type,
    startCheckSecs: policy.start_check_secs ?? SPEC_DEFAULTS.startCheckSecs,
    startRetries: policy.start_retries ?? SPEC_DEFAULTS.startRetries,
    startInterval: policy.start_interval ?? SPEC_DEFAULTS.startInterval,
    opTimeout: policy.op_timeout ?? SPEC_DEFAULTS.opTimeout,
  };
}

/** JOB process_infos item (003 manage_proc, 004 operate_process). */
export const ZJobProcessInfo = z.object({
  setup_path: z.string().max(2000).default(""),
  proc_name: z.string().min(1).max(256),
  pid_path: z.string().max(2000).default(""),
  account: z.string().max(256).optional(),
  proc_owner: z.string().max(256).optional(),
  start_cmd: ZText.optional(),
  stop_cmd: ZText.optional(),
  restart_cmd: ZText.optional(),
  reload_cmd: ZText.optional(),
  kill_cmd: ZText.optional(),
  value_key: z.string().max(512).optional(),
  type: z.number().int().min(0).max(2).optional(),
  op_timeout: z.number().int().min(1).max(86_400).optional(),
  start_check_begin_time: ZSecs.optional(),
  start_check_end_time: ZSecs.optional(),
  ip_list: z.array(z.object({ bk_cloud_id: z.number().int().min(0), ip: z.string().min(1).max(64) })).min(1).max(5000),
}).loose();
export type TJobProcessInfo = z.infer<typeof ZJobProcessInfo>;

export function specFromJob(info: TJobProcessInfo): TProcSpec {
  return {
    procName: info.proc_name,
    setupPath: info.setup_path,
    pidPath: info.pid_path,
    user: info.account ?? info.proc_owner ?? "root",
    startCmd: info.start_cmd ?? "",
    stopCmd: info.stop_cmd ?? "",
    restartCmd: info.restart_cmd ?? "",
    reloadCmd: info.reload_cmd ?? "",
    killCmd: info.kill_cmd ?? "",
    autoType: info.type ?? SPEC_DEFAULTS.autoType,
    startCheckSecs: info.start_check_begin_time ?? SPEC_DEFAULTS.startCheckSecs,
    startRetries: SPEC_DEFAULTS.startRetries,
    startInterval: SPEC_DEFAULTS.startInterval,
    opTimeout: info.op_timeout ?? SPEC_DEFAULTS.opTimeout,
  };
}

/** The JOB result key: "<setup_path>/<proc_name>". */
export function jobProcessKey(spec: Pick<TProcSpec, "setupPath" | "procName">): string {
  return `${spec.setupPath.replace(/\/+$/, "")}/${spec.procName}`;
}
