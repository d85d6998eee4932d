// For pages under /biz/[bizId]: the business, or Next's not-found page.
import { notFound } from "next/navigation";
import type { TSessionUser } from "@/lib/access/read-session";
import { canUser } from "@/lib/access/assert-can";
import { findBusinessById } from "@/lib/topology/get-business";
import type { TBusinessRef } from "@/lib/topology/find-business";

export async function requireBusinessPage(user: TSessionUser, rawBizId: string): Promise<TBusinessRef> {
  const bizId = /^[1-9]\d{0,9}$/.test(rawBizId) ? Number(rawBizId) : NaN;
  if (!Number.isSafeInteger(bizId) || bizId > 2147483647 || !canUser(user, "view", bizId)) notFound();
  const business = await findBusinessById(bizId);
  if (!business) notFound();
  return business;
}
