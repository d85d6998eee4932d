import "server-only";
import { visibleBusinessIds, type TPrincipal } from "@/lib/access/permissions";
import { getDb } from "@/lib/core/db";

export type TBusinessSummary = { bk_biz_id: number; bk_biz_name: string; bk_supplier_account: string };

/** The businesses the principal holds a role in (all of them for global admins and all-business grants). */
export async function listBusinesses(principal: TPrincipal): Promise<TBusinessSummary[]> {
  const visible = visibleBusinessIds(principal);
  const rows = await getDb().business.findMany({
    where: visible === "all" ? {} : { id: { in: visible } },
    orderBy: { id: "asc" },
    select: { id: true, name: true, supplierAccount: true },
  });
  return rows.map((row) => ({ bk_biz_id: row.id, bk_biz_name: row.name, bk_supplier_account: row.supplierAccount }));
}
