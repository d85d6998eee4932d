import "server-only";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { announceChange, SharedCache } from "@/lib/core/change-feed";
import { ApiError } from "@/lib/core/errors";
import { getDb, queryShaped, type TTx } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

// Every API call names its business; businesses rarely change, so a found one is remembered until any
// instance renames or deletes it (lib/core/change-feed.ts; bench:search: one round trip less per
// search). Misses are never cached.
const cache = new SharedCache<TBusinessRef | null>("businesses");
// A first call per business and instance reads it here; a prepared statement on the pool, because the
// ORM's query compiler cost more CPU than the search that followed (bench:search, a server's first
// searches across 1,000 businesses).
const READ_BUSINESS = `SELECT bk_biz_id AS id, bk_supplier_account AS "supplierAccount", bk_biz_name AS name FROM business WHERE bk_biz_id = $1`;

/** The business `bizId` of supplier account `account`, or 1199019 naming both. */
export async function findBusiness(account: string, bizId: number): Promise<TBusinessRef> {
  const business = await cache.get(String(bizId), async () => (await queryShaped<TBusinessRef>(READ_BUSINESS, [bizId]))[0] ?? null);
  if (!business || business.supplierAccount !== account) {
    throw new ApiError("NOT_FOUND", text(`business ${bizId} of supplier account '${account}' does not exist`, `开发商 '${account}' 下不存在业务 ${bizId}`));
  }
  return business;
}

/** Inside the transaction that renames or deletes business `bizId`: every instance forgets it at commit. */
export async function announceBusinessChanged(tx: TTx, bizId: number): Promise<void> {
  await announceChange(tx, "businesses", bizId);
}

/** After that commit, on this instance at once (the notice arrives a moment later). */
export function forgetBusiness(bizId: number): void {
  cache.forget(String(bizId));
}

/** For APIs that name a business by id alone (JOB): 1199019 when it does not exist. */
export async function assertBusinessExists(bizId: number): Promise<void> {
  const business = await getDb().business.findUnique({ where: { id: bizId }, select: { id: true } });
  if (!business) throw new ApiError("NOT_FOUND", text(`business ${bizId} does not exist`, `业务 ${bizId} 不存在`));
}
