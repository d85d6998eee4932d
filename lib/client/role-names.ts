// The one place a role becomes words and a colour: the badge next to the business switcher, the
// "you need the admin role" notice, and the grants of users and apps on the admin pages.
import type { TGrantView } from "@/lib/access/grants/grant-scope";
import type { TRole } from "@/lib/access/permissions";
import type { TMessageKey } from "@/lib/client/i18n/messages";

export const ROLE_NAME_KEYS: Record<TRole, TMessageKey> = { viewer: "myRoleViewer", operator: "myRoleOperator", admin: "myRoleAdmin" };
export const ROLE_TONES = { viewer: "neutral", operator: "blue", admin: "green" } as const;

/** What the user is in a business: global admin beats any per-business role. */
export function roleNameKey(role: TRole | null, isGlobalAdmin: boolean): TMessageKey | null {
  if (isGlobalAdmin) return "myRoleGlobalAdmin";
  return role ? ROLE_NAME_KEYS[role] : null;
}

/** "Demo (2)", "All businesses", or "#7" for a business that no longer exists. */
export function grantScopeLabel(grant: Pick<TGrantView, "bizId" | "bizName">, allBusinessesLabel: string): string {
  if (grant.bizId === 0) return allBusinessesLabel;
  return grant.bizName === null ? `#${grant.bizId}` : `${grant.bizName} (${grant.bizId})`;
}
