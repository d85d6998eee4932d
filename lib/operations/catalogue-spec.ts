// A catalogue process as a GSE operation: its attributes become the spec (work_path → setup_path,
// pid_file → pid_path, bk_func_name → proc_name, face_stop_cmd → kill_cmd, timeout → op_timeout),
// the namespace comes from the business and the name is bk_process_name.
import { ApiError } from "@/lib/core/errors";
import { SPEC_DEFAULTS, type TProcSpec } from "@/lib/protocol/agent-protocol";
import { OP_TYPE } from "@/lib/protocol/op-types";
import type { TProcessRecord } from "@/lib/processes/attribute-metadata";
import { text } from "@/lib/core/i18n";

export function catalogueNamespace(bizId: number) {
  return `GSEKIT_BIZ_${bizId}`;
}

/** The business of a catalogue (or GSEKit) namespace, GSEKIT_BIZ_<id>; null for any other namespace. */
export function businessOfNamespace(namespace: string): number | null {
  const match = /^GSEKIT_BIZ_([1-9]\d{0,9})$/.exec(namespace);
  const bizId = match ? Number(match[1]) : null;
  return bizId !== null && bizId <= 2_147_483_647 ? bizId : null;
}

export function specFromCatalogue(process: TProcessRecord): TProcSpec {
  return {
    procName: process.bk_func_name,
    setupPath: process.work_path,
    pidPath: process.pid_file,
    user: process.user,
    startCmd: process.start_cmd,
    stopCmd: process.stop_cmd,
    restartCmd: process.restart_cmd,
    reloadCmd: process.reload_cmd,
    killCmd: process.face_stop_cmd,
    // auto_start false: a one-shot process the agent does not bring back
    autoType: process.auto_start === false ? 2 : 1,
    startCheckSecs: SPEC_DEFAULTS.startCheckSecs,
    startRetries: SPEC_DEFAULTS.startRetries,
    startInterval: process.auto_time_gap ?? SPEC_DEFAULTS.startInterval,
    opTimeout: process.timeout ?? SPEC_DEFAULTS.opTimeout,
  };
}

/** The attributes `opType` needs that the process lacks ([] when it can run); the Operate dialog shows them too. */
export function missingForOperation(process: Pick<TProcessRecord, "work_path" | "pid_file" | "start_cmd" | "stop_cmd" | "restart_cmd" | "reload_cmd" | "face_stop_cmd">, opType: number): string[] {
  const missing: string[] = [];
  if (!process.work_path) missing.push("work_path");
  if (!process.pid_file) missing.push("pid_file");
  const needs: Record<number, (keyof typeof process)[]> = {
    [OP_TYPE.START]: ["start_cmd"],
    [OP_TYPE.STOP]: ["stop_cmd"],
    [OP_TYPE.RELOAD]: ["reload_cmd"],
    [OP_TYPE.KILL]: ["face_stop_cmd"],
    [OP_TYPE.REGISTER]: ["start_cmd"],
  };
  for (const attribute of needs[opType] ?? []) {
    if (!process[attribute]) missing.push(attribute);
  }
  if (opType === OP_TYPE.RESTART && !process.restart_cmd && !(process.start_cmd && process.stop_cmd)) missing.push("restart_cmd (or both stop_cmd and start_cmd)");
  return missing;
}

/** The attributes an operation needs, each missing one named, before anything is queued. */
export function assertOperable(process: TProcessRecord, opType: number): void {
  const missing = missingForOperation(process, opType);
  if (!missing.length) return;
  throw new ApiError(
    "FIELD_CHECK_FAILED",
    text(`'${process.bk_process_name}' cannot run this operation: set ${missing.join(", ")} first; nothing was queued`, `进程 '${process.bk_process_name}' 无法执行此操作：请先设置 ${missing.join("、")}；未创建任务`),
  );
}
