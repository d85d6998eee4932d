"use client";
// Shown instead of a create or edit form to someone who may see the business but not change it: which
// role is missing, which one they hold, and who can help. The server would refuse the save anyway.
import { LinkButton } from "@/components/ui/button";
import { useBizAbilities } from "@/components/console/biz-abilities";
import { roleNameKey } from "@/lib/client/role-names";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TMessageKey } from "@/lib/client/i18n/messages";

type TNeedAdminProps = { businessName: string; backHref: string; backLabelKey: TMessageKey };

export function NeedAdmin({ businessName, backHref, backLabelKey }: TNeedAdminProps) {
  const t = useT();
  const { role, isGlobalAdmin } = useBizAbilities();
  const roleKey = roleNameKey(role, isGlobalAdmin);
  return (
    <section aria-labelledby="need-admin-title" data-page="forbidden" className="mx-auto mt-8 max-w-xl rounded-lg border border-amber-300 bg-amber-50 p-6 dark:border-amber-800 dark:bg-amber-950/40">
      <div className="flex items-start gap-3">
        <span aria-hidden className="grid size-8 shrink-0 place-items-center rounded-full bg-amber-200 text-sm font-bold text-amber-900 dark:bg-amber-900 dark:text-amber-100">
          !
        </span>
        <div className="space-y-2">
          <h1 id="need-admin-title" className="text-base font-semibold text-amber-950 dark:text-amber-50">
            {t("needAdminTitle")}
          </h1>
          {roleKey && <p className="text-sm text-amber-900 dark:text-amber-100">{t("needRoleCurrent", { business: businessName, role: t(roleKey).toLowerCase() })}</p>}
          <p className="text-sm text-amber-900 dark:text-amber-100">{t("needRoleAsk")}</p>
          <div className="pt-2">
            <LinkButton href={backHref}>{t(backLabelKey)}</LinkButton>
          </div>
        </div>
      </div>
    </section>
  );
}
