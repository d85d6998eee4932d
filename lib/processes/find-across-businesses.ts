// The header's search: processes (name or function name, any case) and hosts (IP prefix) in every
// business the caller may see, grouped by business. Bounded: a search box is for finding, not for
// listing, so each kind stops at FIND_LIMIT and says when there was more.
import "server-only";
import { z } from "zod";
import { visibleBusinessIds, type TPrincipal } from "@/lib/access/permissions";
import { getDb } from "@/lib/core/db";

export const FIND_LIMIT = 20;

export const ZFindQuery = z.strictObject({
  q: z.string().trim().min(1, "type something to search for").max(128),
});
export type TFindQuery = z.infer<typeof ZFindQuery>;

export type TFoundProcess = { bk_process_id: number; bk_process_name: string; bk_func_name: string };
export type TFoundHost = { bk_host_id: number; bk_host_innerip: string; bk_cloud_id: number; bk_host_name: string };
export type TFoundBusiness = { bk_biz_id: number; bk_biz_name: string; processes: TFoundProcess[]; hosts: TFoundHost[] };
export type TFindResult = { businesses: TFoundBusiness[]; hasMoreProcesses: boolean; hasMoreHosts: boolean };

export async function findAcrossBusinesses(principal: TPrincipal, query: TFindQuery): Promise<TFindResult> {
  const visible = visibleBusinessIds(principal);
  const isAll = visible === "all";
  const ids = isAll ? [] : visible;
  if (!isAll && !ids.length) return { businesses: [], hasMoreProcesses: false, hasMoreHosts: false };
  const escaped = query.q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const db = getDb();

  // names that start with the text first: typing "ngi" should show nginx before "lib-nginx-exporter"
  const [processes, hosts] = await Promise.all([
    db.$queryRaw<(TFoundProcess & { bk_biz_id: number })[]>`
      SELECT p.bk_process_id, p.bk_process_name, p.bk_func_name, p.bk_biz_id
      FROM process p
      WHERE (${isAll} OR p.bk_biz_id = ANY(${ids}::int[]))
        AND (p.bk_process_name ILIKE ${`%${escaped}%`} OR p.bk_func_name ILIKE ${`%${escaped}%`})
      ORDER BY (p.bk_process_name ILIKE ${`${escaped}%`}) DESC, p.bk_biz_id, p.bk_process_name, p.bk_process_id
      LIMIT ${FIND_LIMIT + 1}`,
    db.$queryRaw<(TFoundHost & { bk_biz_id: number })[]>`
      SELECT DISTINCT h.bk_host_id, h.bk_host_innerip, h.bk_cloud_id, h.bk_host_name, m.bk_biz_id,
        CASE WHEN h.bk_host_innerip ~ '^[0-9]{1,3}([.][0-9]{1,3}){3}$' THEN h.bk_host_innerip::inet END AS address
      FROM host h
      JOIN host_module hm ON hm.bk_host_id = h.bk_host_id
      JOIN module m ON m.bk_module_id = hm.bk_module_id
      WHERE (${isAll} OR m.bk_biz_id = ANY(${ids}::int[]))
        AND h.bk_host_innerip LIKE ${`${escaped}%`}
      ORDER BY m.bk_biz_id, address, h.bk_host_innerip, h.bk_cloud_id
      LIMIT ${FIND_LIMIT + 1}`,
  ]);

  const shownProcesses = processes.slice(0, FIND_LIMIT);
  const shownHosts = hosts.slice(0, FIND_LIMIT);
  const bizIds = [...new Set([...shownProcesses, ...shownHosts].map((row) => row.bk_biz_id))].sort((a, b) => a - b);
  const names = bizIds.length ? await db.business.findMany({ where: { id: { in: bizIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(names.map((business) => [business.id, business.name]));
  const businesses = bizIds.map((bizId) => ({
    bk_biz_id: bizId,
    bk_biz_name: nameOf.get(bizId) ?? "",
    processes: shownProcesses.filter((row) => row.bk_biz_id === bizId).map(({ bk_process_id, bk_process_name, bk_func_name }) => ({ bk_process_id, bk_process_name, bk_func_name })),
    hosts: shownHosts.filter((row) => row.bk_biz_id === bizId).map(({ bk_host_id, bk_host_innerip, bk_cloud_id, bk_host_name }) => ({ bk_host_id, bk_host_innerip, bk_cloud_id, bk_host_name })),
  }));
  return { businesses, hasMoreProcesses: processes.length > FIND_LIMIT, hasMoreHosts: hosts.length > FIND_LIMIT };
}
