// "/" when the user can open no business: either none exists (for those who would see every one), or
// they hold no role anywhere and must ask an administrator for one. Server-rendered; a language switch
// refreshes it.
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { isGlobalAdmin, visibleBusinessIds } from "@/lib/access/permissions";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { readPageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";

export async function NoBusiness() {
  const [session, lang] = await Promise.all([readPageSession(), readPageLanguage()]);
  const principal = session?.principal;
  if (!principal || visibleBusinessIds(principal) !== "all") {
    return <EmptyState title={translate(lang, "noRoleTitle")} hint={translate(lang, "noRoleBody")} />;
  }
  if (!isGlobalAdmin(principal)) return <EmptyState title={translate(lang, "noBusinessTitle")} hint={translate(lang, "noBusinessBody")} />;
  return (
    <EmptyState title={translate(lang, "noBusinessTitle")} hint={translate(lang, "noBusinessAdminBody")}>
      <LinkButton href="/admin/businesses" variant="primary">
        {translate(lang, "noBusinessAdminAction")}
      </LinkButton>
    </EmptyState>
  );
}
