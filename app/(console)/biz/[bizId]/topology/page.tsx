import type { Metadata } from "next";
import { TopologyView } from "@/components/topology/topology-view";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { pagePath, requirePageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";
import { requireBusinessPage } from "@/lib/topology/require-business-page";
import { HydrateQueries } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchHosts, prefetchTopologyTree } from "@/app/(console)/_prefetch/topology-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "topoTitle") };
}

type TProps = { params: Promise<{ bizId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Everyone with a role in the business sees its topology; the write controls follow the role (layout's abilities). */
export default async function TopologyPage({ params, searchParams }: TProps) {
  const { bizId } = await params;
  const session = await requirePageSession(pagePath(`/biz/${bizId}/topology`, await searchParams));
  const business = await requireBusinessPage(session.principal, bizId);
  return (
    <HydrateQueries prefetches={[prefetchTopologyTree(business), prefetchHosts(business)]}>
      <TopologyView key={business.id} bizId={business.id} businessName={business.name} />
    </HydrateQueries>
  );
}
