// The global admin's business list: each business with how much it holds, so an admin sees at a
// glance which ones can be deleted (only an empty one with nothing but its idle pool).
import "server-only";
import { getDb } from "@/lib/core/db";

export type TBusinessOverview = {
  bizId: number;
  name: string;
  supplierAccount: string;
  createdAt: string;
  /** sets other than the idle pool */
  setCount: number;
  /** modules other than idle / fault */
  moduleCount: number;
  hostCount: number;
  processCount: number;
};

export async function listBusinessOverview(): Promise<TBusinessOverview[]> {
  const rows = await getDb().$queryRaw<{ bk_biz_id: number; bk_biz_name: string; bk_supplier_account: string; created_at: Date; sets: number; modules: number; hosts: number; processes: number }[]>`
    SELECT b.bk_biz_id, b.bk_biz_name, b.bk_supplier_account, b.created_at,
      (SELECT count(*)::int FROM "set" s WHERE s.bk_biz_id = b.bk_biz_id AND s."default" = 0) AS sets,
      (SELECT count(*)::int FROM module m WHERE m.bk_biz_id = b.bk_biz_id AND m."default" = 0) AS modules,
      (SELECT count(DISTINCT hm.bk_host_id)::int FROM host_module hm JOIN module m ON m.bk_module_id = hm.bk_module_id WHERE m.bk_biz_id = b.bk_biz_id) AS hosts,
      (SELECT count(*)::int FROM process p WHERE p.bk_biz_id = b.bk_biz_id) AS processes
    FROM business b
    ORDER BY b.bk_biz_id`;
  return rows.map((row) => ({
    bizId: row.bk_biz_id,
    name: row.bk_biz_name,
    supplierAccount: row.bk_supplier_account,
    createdAt: row.created_at.toISOString(),
    setCount: row.sets,
    moduleCount: row.modules,
    hostCount: row.hosts,
    processCount: row.processes,
  }));
}
