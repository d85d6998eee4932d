import { getDb } from "@/lib/db";

/** The business "/" opens: the remembered one if it still exists, else the first; null when there is none. */
export async function pickStartBusiness(rememberedBizId: string | undefined): Promise<number | null> {
  const db = getDb();
  const remembered = rememberedBizId && /^[1-9]\d{0,9}$/.test(rememberedBizId) ? Number(rememberedBizId) : null;
  if (remembered !== null && remembered <= 2147483647) {
    const row = await db.business.findUnique({ where: { id: remembered }, select: { id: true } });
    if (row) return row.id;
  }
  const first = await db.business.findFirst({ orderBy: { id: "asc" }, select: { id: true } });
  return first?.id ?? null;
}
