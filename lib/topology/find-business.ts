import "server-only";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";


// Every API call names its business; businesses rarely change, so a found one is remembered briefly
// (bench:search: one round trip less per search). Misses are never cached.
const CACHE_TTL_MS = 10_000;
const cache = new Map<number, { business: TBusinessRef; until: number }>();

/** The business `bizId` of supplier account `account`, or 1199019 naming both. */
export async function findBusiness(account: string, bizId: number): Promise<TBusinessRef> {
  const hit = cache.get(bizId);
  let business = hit && hit.until > Date.now() ? hit.business : null;
  if (!business) {
    business = await getDb().business.findUnique({ where: { id: bizId }, select: { id: true, supplierAccount: true, name: true } });
    if (business) cache.set(bizId, { business, until: Date.now() + CACHE_TTL_MS });
    else cache.delete(bizId);
  }
  if (!business || business.supplierAccount !== account) {
    throw new ApiError("NOT_FOUND", text(`business ${bizId} of supplier account '${account}' does not exist`, `开发商 '${account}' 下不存在业务 ${bizId}`));
  }
  return business;
}

/** After a rename or delete: this instance stops answering from its copy (others within CACHE_TTL_MS). */
export function forgetBusiness(bizId: number): void {
  cache.delete(bizId);
}

/** For APIs that name a business by id alone (JOB): 1199019 when it does not exist. */
export async function assertBusinessExists(bizId: number): Promise<void> {
  const business = await getDb().business.findUnique({ where: { id: bizId }, select: { id: true } });
  if (!business) throw new ApiError("NOT_FOUND", text(`business ${bizId} does not exist`, `业务 ${bizId} 不存在`));
}
