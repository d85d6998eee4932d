import { getDb } from "@/lib/db";

export type TBusinessSummary = { bk_biz_id: number; bk_biz_name: string; bk_supplier_account: string };

export async function listBusinesses(): Promise<TBusinessSummary[]> {
  const rows = await getDb().business.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, supplierAccount: true } });
  return rows.map((row) => ({ bk_biz_id: row.id, bk_biz_name: row.name, bk_supplier_account: row.supplierAccount }));
}
