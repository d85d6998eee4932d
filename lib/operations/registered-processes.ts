// GSE v1 register_proc_info / update_proc_info / unregister_proc_info: a process's spec kept per host
// address, so a later operate_proc may send only meta, hosts and op_type (bk-nodeman's legacy client
// registers with update_proc_info, then operates without a spec). The reply is synchronous, one entry
// per host keyed as GSE v1 keys it: "<cloud>:<supplier>:<ip>:<namespace>:<name>" when the host named
// its bk_supplier_id, else "<cloud>:<ip>:<namespace>:<name>".
//
// Registering is bookkeeping on the server: it does not start or manage anything (op_type 0 / 3 do).
import "server-only";
import { z } from "zod";
import { assertCanOnHosts } from "@/lib/access/assert-host-access";
import { actorOf, type TAppCaller } from "@/lib/access/authenticate-app";
import { hostKeyOf } from "@/lib/access/load-host-businesses";
import type { TProcSpec } from "@/lib/protocol/agent-protocol";
import { RESULT_CODE } from "@/lib/protocol/result-codes";
import { writeAuditEntries } from "@/lib/core/write-audit-entry";
import { getDb, type TTx } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { gseV1Key } from "@/lib/operations/gse-result-keys";
import { hostsFromV1, loadKnownAddresses, toGseMeta, ZGseHosts, ZGseMeta, type TGseHost, type TGseMeta } from "@/lib/operations/gse-targets";
import { parseEsbInput } from "@/lib/operations/parse-esb-input";
import { specFromGse, ZGseSpec } from "@/lib/operations/process-spec";

/** GSE: the process info is already registered (bk-nodeman counts it as success). */
const ALREADY_REGISTERED = 850;
/** GSE answers a host it does not know with the code of a row that found no agent. */
const UNKNOWN_HOST = RESULT_CODE.AGENT_OFFLINE;

type THostReply = { error_code: number; error_msg: string; content: string };

const ZRegister = z.object({ meta: ZGseMeta, hosts: ZGseHosts, spec: ZGseSpec });
const ZUnregister = z.object({ meta: ZGseMeta, hosts: ZGseHosts });

type TMode = "register" | "update";

export async function registerProcInfo(body: Record<string, unknown>, caller: TAppCaller, mode: TMode): Promise<Record<string, THostReply>> {
  const request = parseEsbInput(ZRegister, body);
  const meta = toGseMeta(request.meta);
  const hosts = hostsFromV1(request.hosts);
  const spec = specFromGse(request.spec, meta.name);
  const bizId = await assertCanOnHosts(caller.principal, "operate", hosts);
  return getDb().$transaction(async (tx) => {
    const known = await loadKnownAddresses(hosts, tx);
    const existing = await tx.registeredProcess.findMany({
      where: { namespace: meta.namespace, name: meta.name, OR: hosts.map((host) => ({ cloudId: host.cloudId, ip: host.ip })) },
      select: { cloudId: true, ip: true },
    });
    const isRegistered = new Set(existing.map(hostKeyOf));
    const replies: Record<string, THostReply> = {};
    const written: TGseHost[] = [];
    for (const host of hosts) {
      const key = gseV1Key({ ...host, ...meta });
      if (!known.has(hostKeyOf(host))) replies[key] = unknownHost(host);
      else if (mode === "register" && isRegistered.has(hostKeyOf(host))) replies[key] = { error_code: ALREADY_REGISTERED, error_msg: "the process info already exists; update_proc_info changes it", content: "" };
      else {
        replies[key] = { error_code: 0, error_msg: "success", content: "" };
        written.push(host);
      }
    }
    for (const host of dedupe(written)) await upsertRegistration(tx, host, meta, spec, caller.appCode);
    if (written.length) {
      await writeAuditEntries(tx, [{ actor: actorOf(caller), bizId, objectType: "registered_process", objectId: `${meta.namespace}:${meta.name}`, objectName: meta.name, action: mode, after: { hosts: dedupe(written).map(hostKeyOf), spec, labels: meta.labels } }]);
    }
    return replies;
  });
}

export async function unregisterProcInfo(body: Record<string, unknown>, caller: TAppCaller): Promise<Record<string, THostReply>> {
  const request = parseEsbInput(ZUnregister, body);
  const meta = toGseMeta(request.meta);
  const hosts = hostsFromV1(request.hosts);
  const bizId = await assertCanOnHosts(caller.principal, "operate", hosts);
  return getDb().$transaction(async (tx) => {
    const known = await loadKnownAddresses(hosts, tx);
    const where = { namespace: meta.namespace, name: meta.name, OR: hosts.map((host) => ({ cloudId: host.cloudId, ip: host.ip })) };
    const removed = await tx.registeredProcess.findMany({ where, select: { cloudId: true, ip: true } });
    if (removed.length) await tx.registeredProcess.deleteMany({ where });
    const wasRegistered = new Set(removed.map(hostKeyOf));
    if (removed.length) {
      await writeAuditEntries(tx, [{ actor: actorOf(caller), bizId, objectType: "registered_process", objectId: `${meta.namespace}:${meta.name}`, objectName: meta.name, action: "unregister", before: { hosts: removed.map(hostKeyOf) } }]);
    }
    return Object.fromEntries(
      hosts.map((host) => {
        if (!known.has(hostKeyOf(host))) return [gseV1Key({ ...host, ...meta }), unknownHost(host)];
        const message = wasRegistered.has(hostKeyOf(host)) ? "success" : "was not registered";
        return [gseV1Key({ ...host, ...meta }), { error_code: 0, error_msg: message, content: "" }];
      }),
    );
  });
}

/** The registered spec of each (host, meta) that has one, keyed by `registrationKey`. */
export async function loadRegisteredSpecs(targets: readonly { cloudId: number; ip: string; namespace: string; name: string }[]): Promise<Map<string, TProcSpec>> {
  if (!targets.length) return new Map();
  const rows = await getDb().registeredProcess.findMany({
    where: { OR: targets.map((t) => ({ cloudId: t.cloudId, ip: t.ip, namespace: t.namespace, name: t.name })) },
    select: { cloudId: true, ip: true, namespace: true, name: true, spec: true },
  });
  return new Map(rows.map((row) => [registrationKey(row), row.spec as unknown as TProcSpec]));
}

export function registrationKey(target: { cloudId: number; ip: string; namespace: string; name: string }): string {
  return `${target.cloudId}:${target.ip}:${target.namespace}:${target.name}`;
}

async function upsertRegistration(tx: TTx, host: TGseHost, meta: TGseMeta, spec: TProcSpec, appCode: string) {
  const data = { spec: spec as unknown as Prisma.InputJsonValue, labels: meta.labels, appCode };
  await tx.registeredProcess.upsert({
    where: { cloudId_ip_namespace_name: { cloudId: host.cloudId, ip: host.ip, namespace: meta.namespace, name: meta.name } },
    create: { cloudId: host.cloudId, ip: host.ip, namespace: meta.namespace, name: meta.name, ...data },
    update: data,
  });
}

function unknownHost(host: TGseHost): THostReply {
  return { error_code: UNKNOWN_HOST, error_msg: `host ${host.cloudId}:${host.ip} is not known to Procdeck`, content: "" };
}

function dedupe(hosts: readonly TGseHost[]): TGseHost[] {
  return [...new Map(hosts.map((host) => [hostKeyOf(host), host])).values()];
}
