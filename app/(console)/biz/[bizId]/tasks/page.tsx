import type { Metadata } from "next";
import { TaskHistory } from "@/components/operations/task-history";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { pagePath, requirePageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";
import { requireBusinessPage } from "@/lib/topology/require-business-page";
import { HydrateQueries, toSearchParams } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchTaskHistory } from "@/app/(console)/_prefetch/operation-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "tasksTitle") };
}

type TProps = { params: Promise<{ bizId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TaskHistoryPage({ params, searchParams }: TProps) {
  const { bizId } = await params;
  const query = await searchParams;
  const session = await requirePageSession(pagePath(`/biz/${bizId}/tasks`, query));
  const business = await requireBusinessPage(session.principal, bizId);
  return (
    <HydrateQueries prefetches={prefetchTaskHistory(business, toSearchParams(query))}>
      <TaskHistory key={business.id} bizId={business.id} businessName={business.name} />
    </HydrateQueries>
  );
}
