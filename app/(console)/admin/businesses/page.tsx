import type { Metadata } from "next";
import { AdminOnly } from "@/components/admin/admin-only";
import { BusinessAdmin } from "@/components/topology/business-admin";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { requirePageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";
import { HydrateQueries } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchBusinessOverview } from "@/app/(console)/_prefetch/topology-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "bizAdminTitle") };
}

export default async function BusinessesPage() {
  const session = await requirePageSession("/admin/businesses");
  if (!session.user.isGlobalAdmin) return <AdminOnly />;
  return (
    <HydrateQueries prefetches={[prefetchBusinessOverview()]}>
      <BusinessAdmin />
    </HydrateQueries>
  );
}
