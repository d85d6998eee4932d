// Server reads of the process pages, under the keys of lib/client/processes/query-keys.ts (and the
// operations and topology keys those pages also use), each the same call as its console API route.
import "server-only";
import { toConsoleWireData } from "@/lib/api/console-envelope";
import { listProcessHistory } from "@/lib/audit/list-process-history";
import type { TProcessDetail } from "@/lib/client/processes/queries";
import { processKeys } from "@/lib/client/processes/query-keys";
import { operationKeys } from "@/lib/client/operations/query-keys";
import { topologyKeys } from "@/lib/client/topology/query-keys";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { listProcessInstances } from "@/lib/operations/list-process-instances";
import { listProcessPage } from "@/lib/operations/list-process-page";
import { listProcessLiveStates } from "@/lib/operations/process-live-state";
import { readPageLanguage } from "@/lib/access/read-page-language";
import { assertProcessInBusiness } from "@/lib/processes/assert-process-in-business";
import type { TProcessListPage } from "@/lib/processes/browse-processes";
import { getProcessRecord } from "@/lib/processes/get-process-detail";
import { listProcessModules } from "@/lib/processes/list-process-modules";
import { ZProcessListQuery } from "@/lib/processes/process-list-query";
import { readProcessListView, toListQuery } from "@/lib/processes/process-list-view";
import { listModuleNames } from "@/lib/topology/list-module-names";
import { parseRouteQuery, type TPagePrefetch } from "./hydrate-queries";

/** GET …/processes?<view>: the list as the URL's view asks for it, then the live states of its rows. */
export function prefetchProcessList(business: TBusinessRef, query: URLSearchParams): TPagePrefetch | null {
  const view = readProcessListView(query);
  const parsed = parseRouteQuery(ZProcessListQuery, toListQuery(view));
  return (
    parsed && {
      queryKey: processKeys.list(business.id, view),
      read: async () => listProcessPage(business, parsed, await readPageLanguage()),
      then: (page) => [prefetchLiveStates(business, (page as TProcessListPage).rows.map((row) => row.bk_process_id))],
    }
  );
}

/** GET …/process-states?ids=: under the key the list's useProcessLiveStates asks with (the rows' ids in order). */
function prefetchLiveStates(business: TBusinessRef, ids: number[]): TPagePrefetch | null {
  if (!ids.length) return null; // the list asks for none either
  return { queryKey: operationKeys.liveStates(business.id, ids), read: () => listProcessLiveStates(business.id, ids) };
}

/** GET …/modules: the module filter's names. */
export function prefetchModuleNames(business: TBusinessRef): TPagePrefetch {
  return { queryKey: topologyKeys.moduleNames(business.id), read: () => listModuleNames(business) };
}

/** GET …/processes/{id} */
export function prefetchProcessRecord(business: TBusinessRef, processId: number): TPagePrefetch {
  return { queryKey: processKeys.record(business.id, processId), read: () => getProcessRecord(business, processId) };
}

/** The process page: record, module bindings, history and instances. */
export function prefetchProcessPage(business: TBusinessRef, processId: number): TPagePrefetch[] {
  return [
    prefetchProcessRecord(business, processId),
    { queryKey: processKeys.modules(business.id, processId), read: () => listProcessModules(business, processId) },
    { queryKey: processKeys.history(business.id, processId), read: async () => listProcessHistory(business, await assertProcessInBusiness(business, processId)) },
    { queryKey: operationKeys.instances(business.id, processId), read: () => listProcessInstances(business, processId) },
  ];
}

/** The edit form's starting record, read now (null when it cannot be: the form then fetches it). */
export async function readProcessDetailForPage(business: TBusinessRef, processId: number): Promise<TProcessDetail | null> {
  try {
    return toConsoleWireData(await getProcessRecord(business, processId)) as unknown as TProcessDetail;
  } catch {
    return null;
  }
}
