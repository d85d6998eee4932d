import type { Metadata } from "next";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { translate } from "@/lib/client/i18n/translate";
import { EditProcess } from "@/components/processes/edit-process";
import { requirePageSession } from "@/lib/access/read-page-session";
import { requireProcessPage } from "@/lib/processes/require-process-page";
import { requireBusinessPage } from "@/lib/topology/require-business-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "editProcessTitle") };
}

export default async function EditProcessPage({ params }: { params: Promise<{ bizId: string; processId: string }> }) {
  const { bizId, processId } = await params;
  const session = await requirePageSession(`/biz/${bizId}/processes/${processId}/edit`);
  const business = await requireBusinessPage(session.principal, bizId);
  const id = await requireProcessPage(business, processId);
  return <EditProcess bizId={business.id} processId={id} />;
}
