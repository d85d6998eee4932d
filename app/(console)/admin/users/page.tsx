import type { Metadata } from "next";
import { AdminOnly } from "@/components/admin/admin-only";
import { UserList } from "@/components/admin/users/user-list";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { pagePath, requirePageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";
import { HydrateQueries, toSearchParams } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchUserList } from "@/app/(console)/_prefetch/admin-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "adminUsersTitle") };
}

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: TProps) {
  const query = await searchParams;
  const session = await requirePageSession(pagePath("/admin/users", query));
  if (!session.user.isGlobalAdmin) return <AdminOnly />;
  return (
    <HydrateQueries prefetches={[prefetchUserList(toSearchParams(query))]}>
      <UserList />
    </HydrateQueries>
  );
}
