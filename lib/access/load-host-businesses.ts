// The businesses of many hosts in one query: a host belongs to the business of each module it is in
// (idle and fault modules included). Hosts the topology does not know are simply absent from the map.
import "server-only";
import { getPgPool } from "@/lib/core/db";

export type THostRef = { cloudId: number; ip: string };

export function hostKeyOf(host: THostRef): string {
  return `${host.cloudId}:${host.ip}`;
}

const HOST_BUSINESSES_SQL = `
  SELECT h.bk_cloud_id, h.bk_host_innerip,
    coalesce(array_agg(DISTINCT m.bk_biz_id ORDER BY m.bk_biz_id) FILTER (WHERE m.bk_biz_id IS NOT NULL), '{}')::int[] AS biz_ids
  FROM unnest($1::int[], $2::text[]) AS wanted(cloud_id, ip)
  JOIN host h ON h.bk_cloud_id = wanted.cloud_id AND h.bk_host_innerip = wanted.ip
  LEFT JOIN host_module hm ON hm.bk_host_id = h.bk_host_id
  LEFT JOIN module m ON m.bk_module_id = hm.bk_module_id
  GROUP BY h.bk_host_id, h.bk_cloud_id, h.bk_host_innerip`;

/** "<cloud>:<ip>" → the sorted business ids of its modules ([] for a known host in no module). */
export async function loadHostBusinesses(hosts: readonly THostRef[]): Promise<Map<string, number[]>> {
  const unique = [...new Map(hosts.map((host) => [hostKeyOf(host), host])).values()];
  if (!unique.length) return new Map();
  // on the pool: every GSE operation asks this for all of its hosts, and through Prisma 10,000 hosts'
  // arrays cost compile time and stayed in memory after the reply (lib/core/db.ts)
  type THostBusinesses = { bk_cloud_id: number; bk_host_innerip: string; biz_ids: number[] };
  const { rows } = await getPgPool().query<THostBusinesses>(HOST_BUSINESSES_SQL, [unique.map((host) => host.cloudId), unique.map((host) => host.ip)]);
  return new Map(rows.map((row) => [hostKeyOf({ cloudId: row.bk_cloud_id, ip: row.bk_host_innerip }), row.biz_ids]));
}
