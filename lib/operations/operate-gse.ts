// GSE operate_proc / operate_proc_v2 / operate_proc_multi (002), and the GSE 2.0 operate_proc_multi
// (hosts named by agent_id_list) → one task. The app needs the operator role in the business of every
// known target host (lib/access/assert-host-access.ts); the task is recorded under that business when
// there is exactly one, so its history shows it. An operation without `spec` runs the spec registered
// for that meta on that host (register_proc_info / update_proc_info).
import "server-only";
import { z } from "zod";
import { assertCanOnHosts } from "@/lib/access/assert-host-access";
import { actorOf, type TAppCaller } from "@/lib/access/authenticate-app";
import { hostKeyOf } from "@/lib/access/load-host-businesses";
import { SPEC_DEFAULTS, type TProcSpec } from "@/lib/protocol/agent-protocol";
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";
import { createTask, type TTaskTarget } from "@/lib/operations/create-task";
import { hostsOfRequest, loadKnownAddresses, toGseMeta, ZAgentIdList, ZGseHosts, ZGseMeta, type TGseHost } from "@/lib/operations/gse-targets";
import { assertOpType, parseEsbInput } from "@/lib/operations/parse-esb-input";
import { assertOperableSpec, assertRunnable, hasProcess, specFromGse, ZGseSpec } from "@/lib/operations/process-spec";
import { loadRegisteredSpecs, registrationKey } from "@/lib/operations/registered-processes";

/** Which way the request names its hosts: v1 `hosts`, or GSE 2.0 `agent_id_list` (either is taken on the 2.0 paths). */
export type TGseApi = "v1" | "v2";

const ZOperation = z.object({
  meta: ZGseMeta,
  hosts: ZGseHosts.optional(),
  agent_id_list: ZAgentIdList.optional(),
  op_type: z.unknown(),
  spec: ZGseSpec.nullish(),
});

export const ZGseMultiOperation = z.object({ proc_operate_req: z.array(z.record(z.string(), z.unknown())).min(1).max(1000) });

type TParsedOperation = { at?: string; opType: number; operation: z.infer<typeof ZOperation> };

export async function operateGse(body: Record<string, unknown>, caller: TAppCaller, api: TGseApi = "v1") {
  const parsed = parseOperation(body, api);
  return queue([parsed], caller);
}

export async function operateGseMulti(body: Record<string, unknown>, caller: TAppCaller, api: TGseApi = "v1") {
  const { proc_operate_req: requests } = parseEsbInput(ZGseMultiOperation, body);
  return queue(
    requests.map((request, index) => parseOperation(request, api, `proc_operate_req.${index}`)),
    caller,
  );
}

function parseOperation(body: Record<string, unknown>, api: TGseApi, at?: string): TParsedOperation {
  const opType = assertOpType(body.op_type, undefined, at ? `${at}.op_type` : "op_type");
  const operation = parseEsbInput(ZOperation, body, at);
  if (hasProcess(operation.spec)) assertOperableSpec(operation.spec, at ? `${at}.spec` : "spec");
  const hostsField = api === "v2" ? "agent_id_list" : "hosts";
  if (!operation.hosts && !operation.agent_id_list) {
    const field = at ? `${at}.${hostsField}` : hostsField;
    throw new ApiError("OUT_OF_RANGE", text(`${field} is required; nothing was queued`, `缺少 ${field}；未创建任务`));
  }
  return { at, opType, operation };
}

async function queue(parsed: TParsedOperation[], caller: TAppCaller) {
  const targets = await toTargets(parsed);
  const bizId = await assertCanOnHosts(caller.principal, "operate", targets.filter((t) => t.ip));
  const opTypes = new Set(targets.map((t) => t.opType));
  const opType = opTypes.size === 1 ? targets[0].opType! : -1;
  const taskId = await createTask({ source: "gse", opType, bizId, actor: actorOf(caller), targets });
  return { task_id: taskId };
}

async function toTargets(parsed: TParsedOperation[]): Promise<TTaskTarget[]> {
  const perOperation = await Promise.all(parsed.map(async (item) => ({ item, hosts: await hostsOfRequest(item.operation.hosts, item.operation.agent_id_list) })));
  const needRegistered = perOperation.flatMap(({ item, hosts }) => (hasProcess(item.operation.spec) ? [] : hosts.map((host) => ({ ...host, ...toGseMeta(item.operation.meta) }))));
  const registered = await loadRegisteredSpecs(needRegistered.filter((t) => t.ip));
  const unregistered = needRegistered.filter((t) => !t.ip || !registered.has(registrationKey(t)));
  const knownUnregistered = await loadKnownAddresses(unregistered.filter((t) => t.ip));
  return perOperation.flatMap(({ item, hosts }) => {
    const meta = toGseMeta(item.operation.meta);
    const inline = hasProcess(item.operation.spec) ? specFromGse(item.operation.spec) : null;
    return hosts.map((host) => {
      // a host the topology does not know ends 117 at once, registered or not: nothing runs its spec
      const isUnknownHost = !inline && !registered.has(registrationKey({ ...host, ...meta })) && !knownUnregistered.has(hostKeyOf(host));
      const spec = inline ?? (isUnknownHost ? NO_SPEC : registeredSpec(registered, host, meta, item.at));
      if (isUnknownHost) return { ...host, namespace: meta.namespace, name: meta.name, labels: meta.labels, spec, opType: item.opType };
      assertRunnable(spec, item.opType, item.at ? `${item.at}.spec` : "spec", { isUserRequired: inline !== null });
      return { ...host, namespace: meta.namespace, name: meta.name, labels: meta.labels, spec, opType: item.opType };
    });
  });
}

const NO_SPEC: TProcSpec = { procName: "", setupPath: "", pidPath: "", user: "", startCmd: "", stopCmd: "", restartCmd: "", reloadCmd: "", killCmd: "", ...SPEC_DEFAULTS };

function registeredSpec(registered: Map<string, TProcSpec>, host: TGseHost, meta: { namespace: string; name: string }, at?: string): TProcSpec {
  const spec = host.ip ? registered.get(registrationKey({ ...host, ...meta })) : undefined;
  if (spec) return spec;
  const field = at ? `${at}.spec.identity.proc_name` : "spec.identity.proc_name";
  const who = host.ip ? `${host.cloudId}:${host.ip}` : `agent ${host.agentRef}`;
  throw new ApiError(
    "OUT_OF_RANGE",
    text(
      `${field} is required: no spec given and no process ${meta.namespace}/${meta.name} registered on host ${who} (send spec, or register_proc_info first); nothing was queued`,
      `缺少 ${field}：未传入 spec，主机 ${who} 上也没有注册进程 ${meta.namespace}/${meta.name}（请传入 spec，或先调用 register_proc_info）；未创建任务`,
    ),
  );
}
