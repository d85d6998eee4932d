import type { Metadata } from "next";
import { AdminOnly } from "@/components/admin/admin-only";
import { UserList } from "@/components/admin/users/user-list";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { pagePath, requirePageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "adminUsersTitle") };
}

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: TProps) {
  const session = await requirePageSession(pagePath("/admin/users", await searchParams));
  if (!session.user.isGlobalAdmin) return <AdminOnly />;
  return <UserList />;
}
