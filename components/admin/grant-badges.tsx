"use client";
// A principal's grants in a list row: one small badge per business ("Demo (2) · operator").
import { Badge } from "@/components/ui/badge";
import { grantScopeLabel, ROLE_NAME_KEYS, ROLE_TONES } from "@/lib/client/role-names";
import type { TGrantView } from "@/lib/access/grants/grant-scope";
import { useT } from "@/lib/client/i18n/lang-context";

export function GrantBadges({ grants, isGlobalAdmin = false }: { grants: TGrantView[]; isGlobalAdmin?: boolean }) {
  const t = useT();
  if (!grants.length && !isGlobalAdmin) return <span className="text-xs text-slate-500 dark:text-slate-400">{t("adminNoRoles")}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {isGlobalAdmin && (
        <li>
          <Badge tone="amber">{t("adminGlobalAdmin")}</Badge>
        </li>
      )}
      {grants.map((grant) => (
        <li key={grant.bizId}>
          <Badge tone={ROLE_TONES[grant.role]}>
            {grantScopeLabel(grant, t("adminAllBusinesses"))} · {t(ROLE_NAME_KEYS[grant.role]).toLowerCase()}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
