"use client";
// The user's role in the business being looked at, next to the business switcher: what the page will
// let them do, before they try.
import { Badge } from "@/components/ui/badge";
import { ROLE_TONES, roleNameKey } from "@/lib/client/role-names";
import type { TRole } from "@/lib/access/permissions";
import { useT } from "@/lib/client/i18n/lang-context";

export function RoleBadge({ role, isGlobalAdmin }: { role: TRole | null; isGlobalAdmin: boolean }) {
  const t = useT();
  const key = roleNameKey(role, isGlobalAdmin);
  if (!key) return null;
  const name = t(key);
  return (
    <span data-role={isGlobalAdmin ? "global-admin" : role} title={t("myRoleTitle", { role: name })}>
      <span className="sr-only">{t("myRoleTitle", { role: name })}</span>
      <span aria-hidden>
        <Badge tone={isGlobalAdmin ? "amber" : ROLE_TONES[role ?? "viewer"]}>{name}</Badge>
      </span>
    </span>
  );
}
