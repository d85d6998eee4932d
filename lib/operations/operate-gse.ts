// GSE operate_proc / operate_proc_v2 / operate_proc_multi (002) → one task. The app needs the operator
// role in the business of every known target host (lib/access/assert-host-access.ts); the task is
// recorded under that business when there is exactly one, so its history shows it.
import { z } from "zod";
import { assertCanOnHosts } from "@/lib/access/assert-host-access";
import { actorOf, type TAppCaller } from "@/lib/access/authenticate-app";
import { createTask, type TTaskTarget } from "@/lib/operations/create-task";
import { assertOpType, parseEsbInput } from "@/lib/operations/parse-esb-input";
import { specFromGse, ZGseSpec } from "@/lib/operations/process-spec";

const ZHost = z.object({ ip: z.string().min(1).max(64), bk_cloud_id: z.number().int().min(0), bk_supplier_id: z.unknown().optional() });

export const ZGseOperation = z.object({
  meta: z.object({ namespace: z.string().min(1).max(256), name: z.string().min(1).max(256), labels: z.record(z.string(), z.string()).optional() }),
  hosts: z.array(ZHost).min(1).max(5000),
  op_type: z.unknown(),
  spec: ZGseSpec,
});

function toTargets(operation: z.infer<typeof ZGseOperation>, opType: number): TTaskTarget[] {
  const spec = specFromGse(operation.spec);
  return operation.hosts.map((host) => ({ cloudId: host.bk_cloud_id, ip: host.ip, namespace: operation.meta.namespace, name: operation.meta.name, spec, opType }));
}

export async function operateGse(body: Record<string, unknown>, caller: TAppCaller) {
  const opType = assertOpType(body.op_type);
  const operation = parseEsbInput(ZGseOperation, body);
  const targets = toTargets(operation, opType);
  const bizId = await assertCanOnHosts(caller.principal, "operate", targets);
  const taskId = await createTask({ source: "gse", opType, bizId, actor: actorOf(caller), targets });
  return { task_id: taskId };
}

export const ZGseMultiOperation = z.object({ proc_operate_req: z.array(z.record(z.string(), z.unknown())).min(1).max(1000) });

export async function operateGseMulti(body: Record<string, unknown>, caller: TAppCaller) {
  const { proc_operate_req: requests } = parseEsbInput(ZGseMultiOperation, body);
  const targets = requests.flatMap((request, index) => {
    const opType = assertOpType(request.op_type, undefined, `proc_operate_req.${index}.op_type`);
    return toTargets(parseEsbInput(ZGseOperation, request), opType);
  });
  const bizId = await assertCanOnHosts(caller.principal, "operate", targets);
  const opTypes = new Set(targets.map((t) => t.opType));
  const taskId = await createTask({ source: "gse", opType: opTypes.size === 1 ? targets[0].opType! : -1, bizId, actor: actorOf(caller), targets });
  return { task_id: taskId };
}
