// Which audit entries a console user may read: those of the businesses they can view; entries of
// no business (users, apps, businesses, agents) only for global administrators. Asking for one
// business you cannot view is refused (403), not quietly answered with nothing.
import { assertCan, assertGlobalAdmin, isGlobalAdmin, visibleBusinessIds, type TPrincipal } from "@/lib/access/permissions";
import { NO_BUSINESS, type TAuditFilter } from "@/lib/audit/audit-filter";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The where clause of a filter as this principal may see it; throws FORBIDDEN for a business out of reach. */
export function toAuditWhere(principal: TPrincipal, filter: TAuditFilter): Prisma.AuditEntryWhereInput {
  const and: Prisma.AuditEntryWhereInput[] = [visibleTo(principal, filter.bizId)];
  if (filter.user) and.push({ actor: filter.user });
  if (filter.app) and.push({ appCode: filter.app });
  if (filter.objectType) and.push({ objectType: filter.objectType });
  if (filter.object) and.push({ OR: [{ objectId: filter.object }, { objectName: { equals: filter.object, mode: "insensitive" } }] });
  if (filter.action) and.push({ action: filter.action });
  if (filter.from) and.push({ createdAt: { gte: filter.from } });
  if (filter.to) and.push({ createdAt: { lt: filter.to } });
  return { AND: and };
}

function visibleTo(principal: TPrincipal, bizId: TAuditFilter["bizId"]): Prisma.AuditEntryWhereInput {
  if (bizId === NO_BUSINESS) {
    assertGlobalAdmin(principal);
    return { bizId: null };
  }
  if (bizId !== undefined) {
    assertCan(principal, "view", bizId);
    return { bizId };
  }
  if (isGlobalAdmin(principal)) return {};
  const visible = visibleBusinessIds(principal);
  return visible === "all" ? { bizId: { not: null } } : { bizId: { in: visible } };
}
