import type { Metadata } from "next";
import { AuditTrail } from "@/components/audit/audit-trail";
import { isGlobalAdmin } from "@/lib/access/permissions";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { pagePath, requirePageSession } from "@/lib/access/read-page-session";
import { translate } from "@/lib/client/i18n/translate";
import { HydrateQueries, toSearchParams } from "@/app/(console)/_prefetch/hydrate-queries";
import { prefetchAuditEntries } from "@/app/(console)/_prefetch/admin-prefetches";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translate(await readPageLanguage(), "auditTitle") };
}

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /audit?biz=&user=&app=&type=&object=&action=&from=&to= — what each user may see is decided by the API. */
export default async function AuditPage({ searchParams }: TProps) {
  const query = await searchParams;
  const session = await requirePageSession(pagePath("/audit", query));
  return (
    <HydrateQueries prefetches={[prefetchAuditEntries(session.principal, toSearchParams(query))]}>
      <AuditTrail isGlobalAdmin={isGlobalAdmin(session.principal)} />
    </HydrateQueries>
  );
}
