// For pages under /biz/[bizId]: the business, or Next's not-found page. A business the user holds no
// role in (or, with `action`, not a high enough one) looks exactly like one that does not exist.
import { notFound } from "next/navigation";
import { can, type TBizAction, type TPrincipal } from "@/lib/access/permissions";
import { findBusinessById } from "@/lib/topology/get-business";
import type { TBusinessRef } from "@/lib/topology/find-business";

export async function requireBusinessPage(principal: TPrincipal, rawBizId: string, action: TBizAction = "view"): Promise<TBusinessRef> {
  const bizId = /^[1-9]\d{0,9}$/.test(rawBizId) ? Number(rawBizId) : NaN;
  if (!Number.isSafeInteger(bizId) || bizId > 2147483647 || !can(principal, action, bizId)) notFound();
  const business = await findBusinessById(bizId);
  if (!business) notFound();
  return business;
}
