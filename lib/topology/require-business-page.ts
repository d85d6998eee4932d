// For pages under /biz/[bizId]: the business, or Next's not-found page. A business the user holds no
// role in looks exactly like one that does not exist (its name and existence are not theirs to know).
import { notFound } from "next/navigation";
import { can, type TBizAction, type TPrincipal } from "@/lib/access/permissions";
import { findBusinessById } from "@/lib/topology/get-business";
import type { TBusinessRef } from "@/lib/core/business-ref";

export type TBusinessPageAccess = { business: TBusinessRef; isAllowed: boolean };

/** The business when the user may `action` there; otherwise not-found, as if it did not exist. */
export async function requireBusinessPage(principal: TPrincipal, rawBizId: string, action: TBizAction = "view"): Promise<TBusinessRef> {
  const { business, isAllowed } = await requireBusinessPageAccess(principal, rawBizId, action);
  if (!isAllowed) notFound();
  return business;
}

/**
 * For pages that only exist to `action` (a create or edit form): a business the user cannot see at all
 * is not-found as above, but one they can see says whether their role allows `action`, so the page can
 * explain which role is missing instead of pretending the business is gone.
 */
export async function requireBusinessPageAccess(principal: TPrincipal, rawBizId: string, action: TBizAction): Promise<TBusinessPageAccess> {
  const bizId = /^[1-9]\d{0,9}$/.test(rawBizId) ? Number(rawBizId) : NaN;
  if (!Number.isSafeInteger(bizId) || bizId > 2147483647 || !can(principal, "view", bizId)) notFound();
  const business = await findBusinessById(bizId);
  if (!business) notFound();
  return { business, isAllowed: can(principal, action, bizId) };
}
