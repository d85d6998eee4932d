import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminOnly } from "@/components/admin/admin-only";
import { UserDetail } from "@/components/admin/users/user-detail";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { requirePageSession } from "@/lib/access/read-page-session";
import { findUserIdForPage } from "@/lib/access/users/find-user-for-page";
import { translate } from "@/lib/client/i18n/translate";
import { HydrateQueries } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchUserDetail } from "@/app/(console)/_prefetch/admin-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "adminUserTitle") };
}

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  const session = await requirePageSession(`/admin/users/${encodeURIComponent(userId)}`);
  if (!session.user.isGlobalAdmin) return <AdminOnly />;
  const id = await findUserIdForPage(userId);
  if (id === null) notFound();
  return (
    <HydrateQueries prefetches={[prefetchUserDetail(id)]}>
      <UserDetail key={id} userId={id} currentUserId={session.user.id} />
    </HydrateQueries>
  );
}
