// Set-up for the topology tests: fresh addresses in 198.18.0.0/15 (the benchmarking range, which no
// other test or the demo data uses), businesses with sets and modules made straight in the database,
// and reads of where a host sits now, for "nothing changed" checks.
import { sql, uniqueName } from "./cmdb-client";
import type { TConsoleClient, TConsoleReply } from "./principals";

export type TEnvelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: number; kind: string; message: string; fields?: Record<string, string> } };

/** The console envelope of a reply (principals.ts types the body loosely). */
export function envelopeOf<T = unknown>(reply: TConsoleReply): TEnvelope<T> {
  return reply.body as unknown as TEnvelope<T>;
}

/** The data of a 2xx console reply; fails with the server's message otherwise. */
export function dataOf<T = unknown>(reply: TConsoleReply): T {
  const envelope = envelopeOf<T>(reply);
  if (!envelope.ok || reply.status >= 300) throw new Error(`expected success, got ${reply.status}: ${reply.text}`);
  return envelope.data;
}

/** The error message of a refused console reply. */
export function errorOf(reply: TConsoleReply): { status: number; kind: string; message: string } {
  const envelope = envelopeOf(reply);
  if (envelope.ok) throw new Error(`expected a refusal, got ${reply.status}: ${reply.text}`);
  return { status: reply.status, kind: envelope.error.kind, message: envelope.error.message };
}

/** An address in 198.18.0.0/15 that no host has yet. */
export async function freshTestIp(): Promise<string> {
  for (;;) {
    const ip = `198.${18 + Math.floor(Math.random() * 2)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
    const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM host WHERE bk_host_innerip = $1`, [ip]);
    if (row.n === 0) return ip;
  }
}

/** A business made in the database, without an idle pool (as older data or direct SQL may have it). */
export async function insertBusiness(prefix = "topo"): Promise<number> {
  const [row] = await sql<{ bk_biz_id: number }>(`INSERT INTO business (bk_biz_name, bk_supplier_account) VALUES ($1, '0') RETURNING bk_biz_id`, [uniqueName(prefix)]);
  return row.bk_biz_id;
}

export async function insertSet(bizId: number, name = uniqueName("set")): Promise<number> {
  const [row] = await sql<{ bk_set_id: number }>(`INSERT INTO "set" (bk_biz_id, bk_set_name) VALUES ($1, $2) RETURNING bk_set_id`, [bizId, name]);
  return row.bk_set_id;
}

export async function insertModule(bizId: number, setId: number, name = uniqueName("mod")): Promise<number> {
  const [row] = await sql<{ bk_module_id: number }>(`INSERT INTO module (bk_biz_id, bk_set_id, bk_module_name) VALUES ($1, $2, $3) RETURNING bk_module_id`, [bizId, setId, name]);
  return row.bk_module_id;
}

/** A host on a fresh address, optionally placed in modules. */
export async function insertHost(moduleIds: number[] = [], extra: { agentTokenHash?: string } = {}): Promise<{ hostId: number; ip: string }> {
  const ip = await freshTestIp();
  const [row] = await sql<{ bk_host_id: number }>(`INSERT INTO host (bk_host_innerip, bk_cloud_id, bk_host_name, agent_token_hash) VALUES ($1, 0, $2, $3) RETURNING bk_host_id`, [
    ip,
    uniqueName("host"),
    extra.agentTokenHash ?? null,
  ]);
  for (const moduleId of moduleIds) await sql(`INSERT INTO host_module (bk_host_id, bk_module_id) VALUES ($1, $2)`, [row.bk_host_id, moduleId]);
  return { hostId: row.bk_host_id, ip };
}

/** "set / module" of every module a host is in, sorted. */
export async function placementOf(hostId: number): Promise<string[]> {
  const rows = await sql<{ label: string }>(
    `SELECT s.bk_set_name || ' / ' || m.bk_module_name AS label FROM host_module hm JOIN module m ON m.bk_module_id = hm.bk_module_id JOIN "set" s ON s.bk_set_id = m.bk_set_id WHERE hm.bk_host_id = $1 ORDER BY 1`,
    [hostId],
  );
  return rows.map((row) => row.label);
}

export async function hostIdOf(ip: string, cloudId = 0): Promise<number | undefined> {
  const [row] = await sql<{ bk_host_id: number }>(`SELECT bk_host_id FROM host WHERE bk_host_innerip = $1 AND bk_cloud_id = $2`, [ip, cloudId]);
  return row?.bk_host_id;
}

/** Audit rows and the topology rows of a business: a refused request changes none of them. */
export async function topologySnapshot(bizId: number) {
  const [row] = await sql<{ audits: number; sets: number; modules: number; placements: string[] | null; hosts: number }>(
    `SELECT (SELECT count(*)::int FROM audit_entry) AS audits,
       (SELECT count(*)::int FROM "set" WHERE bk_biz_id = $1) AS sets,
       (SELECT count(*)::int FROM module WHERE bk_biz_id = $1) AS modules,
       (SELECT array_agg(hm.bk_host_id || ':' || hm.bk_module_id ORDER BY hm.bk_host_id, hm.bk_module_id) FROM host_module hm JOIN module m ON m.bk_module_id = hm.bk_module_id WHERE m.bk_biz_id = $1) AS placements,
       (SELECT count(*)::int FROM host) AS hosts`,
    [bizId],
  );
  return row;
}

/** Console paths of one business's topology. */
export function topologyPaths(bizId: number) {
  const base = `/api/console/businesses/${bizId}`;
  return {
    tree: `${base}/topology`,
    sets: `${base}/topology/sets`,
    set: (setId: number) => `${base}/topology/sets/${setId}`,
    setModules: (setId: number) => `${base}/topology/sets/${setId}/modules`,
    module: (moduleId: number) => `${base}/topology/modules/${moduleId}`,
    moduleHosts: (moduleId: number) => `${base}/topology/modules/${moduleId}/hosts`,
    removeHosts: (moduleId: number) => `${base}/topology/modules/${moduleId}/hosts/remove`,
    hosts: `${base}/hosts`,
    host: (hostId: number) => `${base}/hosts/${hostId}`,
    importPreview: `${base}/hosts/import/preview`,
    importApply: `${base}/hosts/import`,
  };
}

export type TTree = {
  sets: { setId: number; name: string; defaultFlag: number; hostCount: number; modules: { moduleId: number; name: string; defaultFlag: number; hostCount: number }[] }[];
  hostCount: number;
  bindings: Record<string, string[]>;
};

/** A business created through the console (with its idle pool), and the ids of its idle and fault modules. */
export async function createBusinessViaApi(admin: TConsoleClient, prefix = "topo"): Promise<{ bizId: number; name: string; idleModuleId: number; faultModuleId: number; idleSetId: number }> {
  const name = uniqueName(prefix);
  const { bizId } = dataOf<{ bizId: number }>(await admin.call("POST", "/api/console/admin/businesses", { body: { name } }));
  const tree = dataOf<TTree>(await admin.call("GET", topologyPaths(bizId).tree));
  const pool = tree.sets[0];
  return {
    bizId,
    name,
    idleSetId: pool.setId,
    idleModuleId: pool.modules.find((module) => module.defaultFlag === 1)!.moduleId,
    faultModuleId: pool.modules.find((module) => module.defaultFlag === 2)!.moduleId,
  };
}
