import type { Metadata } from "next";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { translate } from "@/lib/client/i18n/translate";
import { ProcessList } from "@/components/processes/process-list";
import { pagePath, requirePageSession } from "@/lib/access/read-page-session";
import { requireBusinessPage } from "@/lib/topology/require-business-page";
import { HydrateQueries, toSearchParams } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchModuleNames, prefetchProcessList } from "@/app/(console)/_prefetch/process-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "processes") };
}

type TProps = { params: Promise<{ bizId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProcessListPage({ params, searchParams }: TProps) {
  const { bizId } = await params;
  const query = await searchParams;
  const session = await requirePageSession(pagePath(`/biz/${bizId}/processes`, query));
  const business = await requireBusinessPage(session.principal, bizId);
  return (
    <HydrateQueries prefetches={[prefetchProcessList(business, toSearchParams(query)), prefetchModuleNames(business)]}>
      <ProcessList key={business.id} bizId={business.id} businessName={business.name} />
    </HydrateQueries>
  );
}
