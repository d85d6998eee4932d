import type { Metadata } from "next";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { translate } from "@/lib/client/i18n/translate";
import { Suspense } from "react";
import { ProcessList } from "@/components/processes/process-list";
import { ProcessListSkeleton } from "@/components/processes/process-list-skeleton";
import { pagePath, requirePageSession } from "@/lib/access/read-page-session";
import { requireBusinessPage } from "@/lib/topology/require-business-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "processes") };
}

type TProps = { params: Promise<{ bizId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProcessListPage({ params, searchParams }: TProps) {
  const { bizId } = await params;
  const session = await requirePageSession(pagePath(`/biz/${bizId}/processes`, await searchParams));
  const business = await requireBusinessPage(session.principal, bizId);
  return (
    <Suspense fallback={<ProcessListSkeleton />}>
      <ProcessList key={business.id} bizId={business.id} businessName={business.name} />
    </Suspense>
  );
}
