import type { Metadata } from "next";
import { HostList } from "@/components/hosts/host-list";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { requirePageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";
import { requireBusinessPage } from "@/lib/topology/require-business-page";
import { HydrateQueries } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchHosts } from "@/app/(console)/_prefetch/topology-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "hostsTitle") };
}

export default async function HostsPage({ params }: { params: Promise<{ bizId: string }> }) {
  const { bizId } = await params;
  const session = await requirePageSession(`/biz/${bizId}/hosts`);
  const business = await requireBusinessPage(session.principal, bizId);
  return (
    <HydrateQueries prefetches={[prefetchHosts(business)]}>
      <HostList key={business.id} bizId={business.id} businessName={business.name} />
    </HydrateQueries>
  );
}
