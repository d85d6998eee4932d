import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminOnly } from "@/components/admin/admin-only";
import { AppDetail } from "@/components/admin/apps/app-detail";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { requirePageSession } from "@/lib/access/read-page-session";
import { findAppIdForPage } from "@/lib/access/apps/find-app-for-page";
import { translate } from "@/lib/client/i18n/translate";
import { HydrateQueries } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchAppDetail } from "@/app/(console)/_prefetch/admin-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "adminAppTitle") };
}

export default async function AppPage({ params }: { params: Promise<{ appId: string }> }) {
  const { appId } = await params;
  const session = await requirePageSession(`/admin/apps/${encodeURIComponent(appId)}`);
  if (!session.user.isGlobalAdmin) return <AdminOnly />;
  const id = await findAppIdForPage(appId);
  if (id === null) notFound();
  return (
    <HydrateQueries prefetches={[prefetchAppDetail(id)]}>
      <AppDetail key={id} appId={id} />
    </HydrateQueries>
  );
}
