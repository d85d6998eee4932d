// Who a GSE request is about: meta (namespace, name, labels) and its hosts, named either by address
// (v1: hosts[{ip, bk_cloud_id, bk_supplier_id?}]) or by GSE 2.0 agent id (agent_id_list). GSEKit and
// bk-nodeman fall back to "<cloud>:<ip>" as the agent id of a host that has none, so that form is an
// address too. Results are keyed the way the request named the host (lib/operations/read-task-results.ts).
import "server-only";
import { z } from "zod";
import { hostKeyOf } from "@/lib/access/load-host-businesses";
import { getPgPool, type TTx } from "@/lib/core/db";
import { ZLabels, type TLabels } from "@/lib/operations/process-spec";

const MAX_HOSTS = 5000;
const ZCloudId = z.union([z.number().int(), z.string().regex(/^\d{1,10}$/).transform(Number)]).pipe(z.number().int().min(0).max(2_147_483_647));

export const ZGseMeta = z.object({
  namespace: z.string().min(1).max(256),
  name: z.string().min(1).max(256),
  labels: ZLabels.nullish(),
});
export type TGseMeta = { namespace: string; name: string; labels: TLabels };

/** hosts[] as GSE v1 takes it; unknown keys (bk_agent_id, bk_host_innerip…) are ignored. */
export const ZGseHost = z.object({
  ip: z.string().min(1).max(64),
  bk_cloud_id: ZCloudId,
  bk_supplier_id: z.union([z.number().int().min(0).max(2_147_483_647), z.string().regex(/^\d{1,9}$/).transform(Number)]).nullish(),
});
export const ZGseHosts = z.array(ZGseHost).min(1).max(MAX_HOSTS);
export const ZAgentIdList = z.array(z.string().min(1).max(128)).min(1).max(MAX_HOSTS);

/** One addressed host of a request; agentRef is set when the request named it by agent id. */
export type TGseHost = { cloudId: number; ip: string; supplierId?: number; agentRef?: string };

export function toGseMeta(meta: z.infer<typeof ZGseMeta>): TGseMeta {
  return { namespace: meta.namespace, name: meta.name, labels: meta.labels ?? {} };
}

export function hostsFromV1(hosts: z.infer<typeof ZGseHosts>): TGseHost[] {
  return hosts.map((host) => ({ cloudId: host.bk_cloud_id, ip: host.ip, ...(host.bk_supplier_id != null ? { supplierId: host.bk_supplier_id } : {}) }));
}

const HOSTS_BY_AGENT_ID_SQL = `SELECT bk_agent_id AS "agentId", bk_cloud_id AS "cloudId", bk_host_innerip AS "innerIp" FROM host WHERE bk_agent_id = ANY($1::text[])`;
const KNOWN_ADDRESSES_SQL = `SELECT DISTINCT h.bk_cloud_id AS "cloudId", h.bk_host_innerip AS ip
  FROM host h JOIN unnest($1::int[], $2::text[]) AS x(cloud_id, ip) ON h.bk_cloud_id = x.cloud_id AND h.bk_host_innerip = x.ip`;
const ADDRESS_AS_AGENT_ID = /^(\d{1,10}):([0-9A-Fa-f.:]{2,64})$/;

/**
 * Agent ids to hosts: "<cloud>:<ip>" is read as the address; any other id is looked up. An id no
 * host has keeps an empty address (its row ends 117 at once, naming the id).
 */
export async function hostsFromAgentIds(agentIds: readonly string[]): Promise<TGseHost[]> {
  const unique = [...new Set(agentIds)];
  const lookedUp = unique.filter((id) => !ADDRESS_AS_AGENT_ID.test(id));
  type TKnownAgent = { agentId: string; cloudId: number; innerIp: string };
  const known = lookedUp.length ? (await getPgPool().query<TKnownAgent>(HOSTS_BY_AGENT_ID_SQL, [lookedUp])).rows : [];
  const byAgentId = new Map(known.map((host) => [host.agentId, host]));
  return unique.map((agentRef) => {
    const address = ADDRESS_AS_AGENT_ID.exec(agentRef);
    if (address) return { cloudId: Number(address[1]), ip: address[2], agentRef };
    const host = byAgentId.get(agentRef);
    return host ? { cloudId: host.cloudId, ip: host.innerIp, agentRef } : { cloudId: 0, ip: "", agentRef };
  });
}

/** The hosts a request names, by address (`hosts`) and by agent id (`agent_id_list`), in that order. */
export async function hostsOfRequest(v1Hosts: z.infer<typeof ZGseHosts> | undefined, agentIds: readonly string[] | undefined): Promise<TGseHost[]> {
  return [...(v1Hosts ? hostsFromV1(v1Hosts) : []), ...(agentIds ? await hostsFromAgentIds(agentIds) : [])];
}

/**
 * "<cloud>:<ip>" (hostKeyOf) of each of `hosts` the topology knows; in `tx` when given. On the pool
 * otherwise: 10,000 addresses as Prisma's OR of 10,000 conditions cost the operate request a second
 * of CPU, and Prisma keeps a query's arguments in memory after it (lib/core/db.ts).
 */
export async function loadKnownAddresses(hosts: readonly TGseHost[], tx: TTx | null = null): Promise<Set<string>> {
  if (!hosts.length) return new Set();
  type TKnownAddress = { cloudId: number; ip: string };
  const values = [hosts.map((host) => host.cloudId), hosts.map((host) => host.ip)];
  const rows = tx ? await tx.$queryRawUnsafe<TKnownAddress[]>(KNOWN_ADDRESSES_SQL, ...values) : (await getPgPool().query<TKnownAddress>(KNOWN_ADDRESSES_SQL, values)).rows;
  return new Set(rows.map((row) => hostKeyOf(row)));
}
