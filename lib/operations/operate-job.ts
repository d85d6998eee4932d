// JOB operate_process / operate_proc (004) and manage_proc (003) → one task. The app needs the operator
// role in bk_biz_id, every known target host must be in bk_biz_id, and the app needs the role in any
// other business such a host is also in.
import { z } from "zod";
import { assertCanOnHosts } from "@/lib/access/assert-host-access";
import { actorOf, type TAppCaller } from "@/lib/access/authenticate-app";
import { assertCan } from "@/lib/access/permissions";
import { OP_TYPE } from "@/lib/protocol/op-types";
import { createTask } from "@/lib/operations/create-task";
import { assertOpType, parseEsbInput } from "@/lib/operations/parse-esb-input";
import { jobProcessKey, specFromJob, ZJobProcessInfo, type TJobProcessInfo } from "@/lib/operations/process-spec";
import { assertBusinessExists } from "@/lib/topology/find-business";

const ZOperateProcessInfo = ZJobProcessInfo.extend({ setup_path: z.string().min(1).max(2000), pid_path: z.string().min(1).max(2000) });
const ZManageProcessInfo = ZJobProcessInfo.extend({ proc_owner: z.string().min(1).max(256) });

/** JOB has no namespace: processes are grouped per business and named by value_key or their path. */
export function jobNamespace(bizId: number) {
  return `JOB_BIZ_${bizId}`;
}

async function queueJob(body: Record<string, unknown>, caller: TAppCaller, opType: number, infoSchema: z.ZodType<TJobProcessInfo>) {
  const { bk_biz_id: bizId, process_infos: infos } = parseEsbInput(z.object({ bk_biz_id: z.number().int().min(1), process_infos: z.array(infoSchema).min(1).max(1000) }), body);
  assertCan(caller.principal, "operate", bizId);
  await assertBusinessExists(bizId);
  const targets = infos.flatMap((info) => {
    const spec = specFromJob(info);
    const name = info.value_key || jobProcessKey(spec);
    return info.ip_list.map((host) => ({ cloudId: host.bk_cloud_id, ip: host.ip, namespace: jobNamespace(bizId), name, spec }));
  });
  await assertCanOnHosts(caller.principal, "operate", targets, { withinBizId: bizId });
  const taskId = await createTask({ source: "job", opType, bizId, actor: actorOf(caller), targets });
  return { bk_gse_taskid: taskId };
}

export function operateJobProcess(body: Record<string, unknown>, caller: TAppCaller) {
  return queueJob(body, caller, assertOpType(body.op_type), ZOperateProcessInfo);
}

/** manage_proc op_type: 1 register as managed (GSE 3), 2 unregister (GSE 4). */
export function manageJobProcess(body: Record<string, unknown>, caller: TAppCaller) {
  const opType = assertOpType(body.op_type, [1, 2]) === 1 ? OP_TYPE.REGISTER : OP_TYPE.UNREGISTER;
  return queueJob(body, caller, opType, ZManageProcessInfo);
}
