"use client";
// A banner for every console page while the user still has a password an administrator set (new
// user, or reset): it points to the account page. It does not block anything; the API works as usual.
import { usePathname } from "next/navigation";
import { LinkButton } from "@/components/ui/button";
import { useT } from "@/lib/client/i18n/lang-context";

export function PasswordChangeNotice() {
  const t = useT();
  const pathname = usePathname();
  if (pathname === "/account") return null;
  return (
    <div role="status" data-notice="must-change-password" className="mb-4 flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
      <span className="font-medium">{t("accountMustChangeBanner")}</span>
      <LinkButton href={`/account?next=${encodeURIComponent(pathname)}`} size="sm">
        {t("accountChangeNow")}
      </LinkButton>
    </div>
  );
}
