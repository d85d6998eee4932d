import "server-only";
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";
import type { TBusinessRef } from "@/lib/core/business-ref";

/** A business by id alone (the console has no supplier account in its paths), or 1199019. */
export async function getBusiness(bizId: number): Promise<TBusinessRef> {
  const business = await findBusinessById(bizId);
  if (!business) throw new ApiError("NOT_FOUND", text(`business ${bizId} does not exist`, `业务 ${bizId} 不存在`));
  return business;
}

export async function findBusinessById(bizId: number): Promise<TBusinessRef | null> {
  return getDb().business.findUnique({ where: { id: bizId }, select: { id: true, supplierAccount: true, name: true } });
}
