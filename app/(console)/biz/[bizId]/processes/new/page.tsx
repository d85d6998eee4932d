import type { Metadata } from "next";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { translate } from "@/lib/client/i18n/translate";
import { NeedAdmin } from "@/components/console/need-admin";
import { CreateProcess } from "@/components/processes/create-process";
import { requirePageSession } from "@/lib/access/read-page-session";
import { requireBusinessPageAccess } from "@/lib/topology/require-business-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "createTitle") };
}

export default async function NewProcessPage({ params }: { params: Promise<{ bizId: string }> }) {
  const { bizId } = await params;
  const session = await requirePageSession(`/biz/${bizId}/processes/new`);
  const { business, isAllowed } = await requireBusinessPageAccess(session.principal, bizId, "edit");
  if (!isAllowed) return <NeedAdmin businessName={business.name} backHref={`/biz/${business.id}/processes`} backLabelKey="backToList" />;
  return <CreateProcess bizId={business.id} />;
}
