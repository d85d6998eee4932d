"use client";
// Reading processes: each hook is one query key of processKeys and passes TanStack's signal on.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TAuditHistoryEntry } from "@/lib/audit/list-process-history";
import { consoleFetch } from "@/lib/client/console-fetch";
import { processKeys } from "@/lib/client/processes/query-keys";
import type { TProcessListPage } from "@/lib/processes/browse-processes";
import type { TModuleBindingRow } from "@/lib/processes/list-process-modules";
import { toListQuery, type TProcessListView } from "@/lib/processes/process-list-view";
import type { TProcessRecord } from "@/lib/processes/attribute-metadata";

export type TProcessDetail = { record: TProcessRecord; revision: number; createdAt: string; updatedAt: string };

export const processPath = (bizId: number, processId?: number) => `/api/console/businesses/${bizId}/processes${processId === undefined ? "" : `/${processId}`}`;

export function useProcessList(bizId: number, view: TProcessListView) {
  return useQuery({
    queryKey: processKeys.list(bizId, view),
    queryFn: ({ signal }) => consoleFetch<TProcessListPage>(`${processPath(bizId)}?${toListQuery(view)}`, { signal }),
    placeholderData: keepPreviousData,
    // filtered by live state, the rows themselves change as processes die and come back
    refetchInterval: view.state ? 3000 : false,
  });
}

/** `isFreshRequired`: fetch on mount even when the cache looks fresh (the edit form starts from it). */
export function useProcessDetail(bizId: number, processId: number, { isFreshRequired = false } = {}) {
  return useQuery({
    queryKey: processKeys.record(bizId, processId),
    queryFn: ({ signal }) => consoleFetch<TProcessDetail>(processPath(bizId, processId), { signal }),
    refetchOnMount: isFreshRequired ? "always" : true,
  });
}

export function useProcessModules(bizId: number, processId: number) {
  return useQuery({
    queryKey: processKeys.modules(bizId, processId),
    queryFn: ({ signal }) => consoleFetch<TModuleBindingRow[]>(`${processPath(bizId, processId)}/modules`, { signal }),
  });
}

export function useProcessHistory(bizId: number, processId: number) {
  return useQuery({
    queryKey: processKeys.history(bizId, processId),
    queryFn: ({ signal }) => consoleFetch<TAuditHistoryEntry[]>(`${processPath(bizId, processId)}/history`, { signal }),
  });
}
