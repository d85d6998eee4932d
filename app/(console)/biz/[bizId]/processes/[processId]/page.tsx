import type { Metadata } from "next";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { translate } from "@/lib/client/i18n/translate";
import { ProcessDetail } from "@/components/processes/process-detail";
import { requirePageSession } from "@/lib/access/read-page-session";
import { requireProcessPage } from "@/lib/processes/require-process-page";
import { requireBusinessPage } from "@/lib/topology/require-business-page";
import { HydrateQueries } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchProcessPage } from "@/app/(console)/_prefetch/process-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "processTitle") };
}

export default async function ProcessPage({ params }: { params: Promise<{ bizId: string; processId: string }> }) {
  const { bizId, processId } = await params;
  const session = await requirePageSession(`/biz/${bizId}/processes/${processId}`);
  const business = await requireBusinessPage(session.principal, bizId);
  const id = await requireProcessPage(business, processId);
  return (
    <HydrateQueries prefetches={prefetchProcessPage(business, id)}>
      <ProcessDetail bizId={business.id} processId={id} />
    </HydrateQueries>
  );
}
