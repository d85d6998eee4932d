import type { Metadata } from "next";
import { AccountView } from "@/components/account/account-view";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { pagePath, requirePageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";
import { safeReturnPath } from "@/lib/client/safe-return-path";
import { HydrateQueries } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchAccount } from "@/app/(console)/_prefetch/admin-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "accountTitle") };
}

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountPage({ searchParams }: TProps) {
  const query = await searchParams;
  const session = await requirePageSession(pagePath("/account", query));
  // where the user was going when signing in sent them here to change their password first
  const next = typeof query.next === "string" && !query.next.startsWith("/account") ? safeReturnPath(query.next) : null;
  return (
    <HydrateQueries prefetches={[prefetchAccount(session)]}>
      <AccountView next={next} />
    </HydrateQueries>
  );
}
