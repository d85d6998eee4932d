// Message keys of the role names and of a grant's business, shared by the user and app pages.
import type { TRole } from "@/lib/access/permissions";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import type { TGrantView } from "@/lib/access/grants/grant-scope";

export const GRANT_ROLE_KEYS: Record<TRole, TMessageKey> = { viewer: "adminRoleViewer", operator: "adminRoleOperator", admin: "adminRoleAdmin" };
export const GRANT_ROLE_TONES = { viewer: "neutral", operator: "blue", admin: "green" } as const;

/** "Demo (2)", "All businesses", or "#7" for a business that no longer exists. */
export function grantScopeLabel(grant: Pick<TGrantView, "bizId" | "bizName">, allBusinessesLabel: string): string {
  if (grant.bizId === 0) return allBusinessesLabel;
  return grant.bizName === null ? `#${grant.bizId}` : `${grant.bizName} (${grant.bizId})`;
}
