import type { Metadata } from "next";
import { TaskDetail } from "@/components/operations/task-detail";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { requirePageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";
import { requireTaskPage } from "@/lib/operations/require-task-page";
import { requireBusinessPage } from "@/lib/topology/require-business-page";
import { HydrateQueries } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchTaskDetail } from "@/app/(console)/_prefetch/operation-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "taskPageTitle") };
}

export default async function TaskPage({ params }: { params: Promise<{ bizId: string; taskId: string }> }) {
  const { bizId, taskId } = await params;
  const session = await requirePageSession(`/biz/${bizId}/tasks/${taskId}`);
  const business = await requireBusinessPage(session.principal, bizId);
  const id = await requireTaskPage(business, taskId);
  return (
    <HydrateQueries prefetches={[prefetchTaskDetail(business, id)]}>
      <TaskDetail key={id} bizId={business.id} taskId={id} />
    </HydrateQueries>
  );
}
