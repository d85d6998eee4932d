// The message key of each role's name, for badges and explanations.
import type { TRole } from "@/lib/access/permissions";
import type { TMessageKey } from "@/lib/client/i18n/messages";

export const ROLE_NAME_KEYS: Record<TRole, TMessageKey> = { viewer: "myRoleViewer", operator: "myRoleOperator", admin: "myRoleAdmin" };

/** What the user is in a business: global admin beats any per-business role. */
export function roleNameKey(role: TRole | null, isGlobalAdmin: boolean): TMessageKey | null {
  if (isGlobalAdmin) return "myRoleGlobalAdmin";
  return role ? ROLE_NAME_KEYS[role] : null;
}
