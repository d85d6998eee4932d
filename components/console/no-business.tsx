// "/" when the user can open no business: either none exists (for those who would see every one), or
// they hold no role anywhere and must ask an administrator for one. Server-rendered from what the page
// read (app/(console)/page.tsx); a language switch refreshes it.
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/notice";
import { translate } from "@/lib/client/i18n/translate";
import type { TLang } from "@/lib/core/i18n";

type TNoBusinessProps = { lang: TLang; canSeeEveryBusiness: boolean; isGlobalAdmin: boolean };

export function NoBusiness({ lang, canSeeEveryBusiness, isGlobalAdmin }: TNoBusinessProps) {
  if (!canSeeEveryBusiness) return <EmptyState title={translate(lang, "noRoleTitle")} hint={translate(lang, "noRoleBody")} />;
  if (!isGlobalAdmin) return <EmptyState title={translate(lang, "noBusinessTitle")} hint={translate(lang, "noBusinessBody")} />;
  return (
    <EmptyState title={translate(lang, "noBusinessTitle")} hint={translate(lang, "noBusinessAdminBody")}>
      <LinkButton href="/admin/businesses" variant="primary">
        {translate(lang, "noBusinessAdminAction")}
      </LinkButton>
    </EmptyState>
  );
}
