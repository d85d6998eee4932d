// One page of the console's process list as the URL's view asks for it: the live-state filter
// (lib/operations/process-live-state.ts) narrows the catalogue search to the processes in that state.
// The list route and the page's server prefetch both answer through here, so they cannot differ.
import "server-only";
import type { TBusinessRef } from "@/lib/core/business-ref";
import type { TLang } from "@/lib/core/i18n";
import { findProcessIdsInState } from "@/lib/operations/process-live-state";
import { browseProcesses, type TProcessListPage } from "@/lib/processes/browse-processes";
import type { TProcessListQuery } from "@/lib/processes/process-list-query";

export async function listProcessPage(business: TBusinessRef, query: TProcessListQuery, lang: TLang): Promise<TProcessListPage> {
  const processIds = query.state ? await findProcessIdsInState(business.id, query.state) : undefined;
  return browseProcesses(business, query, lang, processIds);
}
