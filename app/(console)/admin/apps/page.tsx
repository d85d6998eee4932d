import type { Metadata } from "next";
import { AdminOnly } from "@/components/admin/admin-only";
import { AppList } from "@/components/admin/apps/app-list";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { requirePageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";
import { HydrateQueries } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchAppList } from "@/app/(console)/_prefetch/admin-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "adminAppsTitle") };
}

export default async function AppsPage() {
  const session = await requirePageSession("/admin/apps");
  if (!session.user.isGlobalAdmin) return <AdminOnly />;
  return (
    <HydrateQueries prefetches={[prefetchAppList()]}>
      <AppList />
    </HydrateQueries>
  );
}
