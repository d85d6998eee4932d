"use client";
// The console header. First row: the business switcher with the user's role there, language, account
// and Sign out. Second row: the pages of the current business, and the pages beyond one business
// (the audit trail for everyone, administration for global admins).
import Link from "next/link";
import { useParams, usePathname } from "next/navigation";
import { BusinessSwitcher } from "@/components/console/business-switcher";
import { LazyHeaderSearch } from "@/components/console/lazy-header-search";
import { LanguageSwitcher } from "@/components/console/language-switcher";
import { RoleBadge } from "@/components/console/role-badge";
import { SignOutButton } from "@/components/console/sign-out-button";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { roleIn, type TRole } from "@/lib/access/permissions";
import { useT } from "@/lib/client/i18n/lang-context";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import { useNavBusinessId } from "@/lib/client/use-nav-business";

const BUSINESS_NAV: { segment: string; label: TMessageKey }[] = [
  { segment: "processes", label: "processes" },
  { segment: "tasks", label: "tasks" },
  { segment: "hosts", label: "hosts" },
  { segment: "topology", label: "headerTopology" },
];

const ADMIN_NAV: { href: string; label: TMessageKey }[] = [
  { href: "/admin/users", label: "headerAdminUsers" },
  { href: "/admin/apps", label: "headerAdminApps" },
  { href: "/admin/businesses", label: "headerAdminBusinesses" },
];

const LINK_CLASS = `rounded px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-100 aria-[current=page]:text-slate-950 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800 dark:aria-[current=page]:text-white ${FOCUS_RING}`;

/** Who is signed in, as the header needs it: the role grants are [bizId, role] (bizId 0: every business). */
export type THeaderUser = { id: number; username: string; isGlobalAdmin: boolean; grants: [number, TRole][] };

export function AppHeader({ user }: { user: THeaderUser }) {
  const t = useT();
  const params = useParams<{ bizId?: string }>();
  const pathname = usePathname();
  const pathBizId = params.bizId && /^[1-9]\d{0,9}$/.test(params.bizId) ? Number(params.bizId) : null;
  // beyond one business (audit, administration) the nav keeps the business last looked at
  const bizId = useNavBusinessId(pathBizId);
  const role = bizId === null ? null : roleIn({ kind: "user", id: user.id, name: user.username, isGlobalAdmin: user.isGlobalAdmin, roles: new Map(user.grants) }, bizId);
  const isCurrent = (href: string) => pathname === href || pathname.startsWith(`${href}/`);

  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <a href="#main" className={`sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-1 dark:focus:bg-slate-900 ${FOCUS_RING}`}>
        {t("skipToContent")}
      </a>
      <div className="mx-auto flex h-12 max-w-[1600px] items-center gap-4 px-4 lg:px-6">
        <Link href="/" className={`flex items-center gap-1.5 rounded text-sm font-semibold ${FOCUS_RING}`}>
          <span aria-hidden className="grid size-6 place-items-center rounded bg-blue-600 text-xs font-bold text-white dark:bg-blue-500 dark:text-slate-950">
            P
          </span>
          {t("appName")}
        </Link>
        <div className="flex items-center gap-2">
          <BusinessSwitcher currentBizId={bizId} />
          {role !== null && <RoleBadge role={role} isGlobalAdmin={user.isGlobalAdmin} />}
        </div>
        <div className="ml-auto flex items-center gap-3">
          <LazyHeaderSearch />
          <LanguageSwitcher />
          <Link
            href="/account"
            aria-current={isCurrent("/account") ? "page" : undefined}
            title={t("headerAccountTitle", { name: user.username })}
            className={`rounded px-1 text-xs text-slate-600 hover:text-slate-900 hover:underline aria-[current=page]:font-semibold dark:text-slate-400 dark:hover:text-slate-100 ${FOCUS_RING}`}
          >
            <span className="sr-only">{t("signedInAs", { name: user.username })}</span>
            <span aria-hidden>{user.username}</span>
          </Link>
          <SignOutButton />
        </div>
      </div>
      <div className="mx-auto flex h-10 max-w-[1600px] items-center gap-4 border-t border-slate-100 px-4 text-sm lg:px-6 dark:border-slate-800/70">
        {bizId !== null && role !== null && (
          <nav aria-label={t("mainNav")} className="flex items-center gap-1">
            {BUSINESS_NAV.map(({ segment, label }) => {
              const href = `/biz/${bizId}/${segment}`;
              return (
                <Link key={segment} href={href} aria-current={isCurrent(href) ? "page" : undefined} className={LINK_CLASS}>
                  {t(label)}
                </Link>
              );
            })}
          </nav>
        )}
        <div className="ml-auto flex items-center gap-3">
          <nav aria-label={t("headerConsoleNav")} className="flex items-center gap-1">
            <Link href="/audit" aria-current={isCurrent("/audit") ? "page" : undefined} className={LINK_CLASS}>
              {t("headerAudit")}
            </Link>
          </nav>
          {user.isGlobalAdmin && (
            <nav aria-label={t("headerAdminNav")} className="flex items-center gap-1 border-l border-slate-200 pl-3 dark:border-slate-700">
              <span aria-hidden className="mr-1 text-xs font-semibold tracking-wide text-slate-400 uppercase dark:text-slate-500">
                {t("headerAdminCaption")}
              </span>
              {ADMIN_NAV.map(({ href, label }) => (
                <Link key={href} href={href} aria-current={isCurrent(href) ? "page" : undefined} className={LINK_CLASS}>
                  {t(label)}
                </Link>
              ))}
            </nav>
          )}
        </div>
      </div>
    </header>
  );
}
