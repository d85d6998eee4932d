import type { Metadata } from "next";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { translate } from "@/lib/client/i18n/translate";
import { NeedAdmin } from "@/components/console/need-admin";
import { EditProcess } from "@/components/processes/edit-process";
import { requirePageSession } from "@/lib/access/read-page-session";
import { requireProcessPage } from "@/lib/processes/require-process-page";
import { requireBusinessPageAccess } from "@/lib/topology/require-business-page";
import { HydrateQueries } from "@/app/(console)/_prefetch/hydrate-queries";
import { readProcessDetailForPage } from "@/app/(console)/_prefetch/process-prefetches";
import { processKeys } from "@/lib/client/processes/query-keys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "editProcessTitle") };
}

export default async function EditProcessPage({ params }: { params: Promise<{ bizId: string; processId: string }> }) {
  const { bizId, processId } = await params;
  const session = await requirePageSession(`/biz/${bizId}/processes/${processId}/edit`);
  const { business, isAllowed } = await requireBusinessPageAccess(session.principal, bizId, "edit");
  const id = await requireProcessPage(business, processId);
  if (!isAllowed) return <NeedAdmin businessName={business.name} backHref={`/biz/${business.id}/processes/${id}`} backLabelKey="backToProcess" />;
  const detail = await readProcessDetailForPage(business, id);
  return (
    <HydrateQueries prefetches={[detail && { queryKey: processKeys.record(business.id, id), read: async () => detail }]}>
      <EditProcess bizId={business.id} processId={id} initialSnapshot={detail} />
    </HydrateQueries>
  );
}
