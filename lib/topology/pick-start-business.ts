import "server-only";
import { can, visibleBusinessIds, type TPrincipal } from "@/lib/access/permissions";
import { getDb } from "@/lib/core/db";

/** The business "/" opens: the remembered one if it still exists and is visible, else the first visible; null when none. */
export async function pickStartBusiness(principal: TPrincipal, rememberedBizId: string | undefined): Promise<number | null> {
  const db = getDb();
  const remembered = rememberedBizId && /^[1-9]\d{0,9}$/.test(rememberedBizId) ? Number(rememberedBizId) : null;
  if (remembered !== null && remembered <= 2147483647 && can(principal, "view", remembered)) {
    const row = await db.business.findUnique({ where: { id: remembered }, select: { id: true } });
    if (row) return row.id;
  }
  const visible = visibleBusinessIds(principal);
  const first = await db.business.findFirst({ where: visible === "all" ? {} : { id: { in: visible } }, orderBy: { id: "asc" }, select: { id: true } });
  return first?.id ?? null;
}
