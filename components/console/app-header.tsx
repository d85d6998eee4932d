"use client";
import Link from "next/link";
import { useParams, usePathname } from "next/navigation";
import { BusinessSwitcher } from "@/components/console/business-switcher";
import { LanguageSwitcher } from "@/components/console/language-switcher";
import { SignOutButton } from "@/components/console/sign-out-button";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { useT } from "@/lib/client/i18n/lang-context";

const NAV = [
  { segment: "processes", label: "processes" },
  { segment: "tasks", label: "tasks" },
  { segment: "hosts", label: "hosts" },
] as const;

export function AppHeader({ username }: { username: string }) {
  const t = useT();
  const params = useParams<{ bizId?: string }>();
  const pathname = usePathname();
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
        <BusinessSwitcher currentBizId={params.bizId ? Number(params.bizId) : null} />
        {params.bizId && (
          <nav aria-label={t("mainNav")} className="flex items-center gap-1 text-sm">
            {NAV.map(({ segment, label }) => {
              const href = `/biz/${params.bizId}/${segment}`;
              const isCurrent = pathname === href || pathname.startsWith(`${href}/`);
              return (
                <Link key={segment} href={href} aria-current={isCurrent ? "page" : undefined} className={`rounded px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800 ${FOCUS_RING}`}>
                  {t(label)}
                </Link>
              );
            })}
          </nav>
        )}
        <div className="ml-auto flex items-center gap-3">
          <LanguageSwitcher />
          <span className="text-xs text-slate-500 dark:text-slate-400" title={t("signedInAs", { name: username })}>
            <span className="sr-only">{t("signedInAs", { name: username })}</span>
            <span aria-hidden>{username}</span>
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
