"use client";
import { useQuery } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { topologyKeys } from "@/lib/client/topology/query-keys";
import type { TBusinessSummary } from "@/lib/topology/list-businesses";

export function useBusinesses() {
  return useQuery({
    queryKey: topologyKeys.businesses(),
    queryFn: ({ signal }) => consoleFetch<TBusinessSummary[]>("/api/console/businesses", { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useModuleNames(bizId: number) {
  return useQuery({
    queryKey: topologyKeys.moduleNames(bizId),
    queryFn: ({ signal }) => consoleFetch<string[]>(`/api/console/businesses/${bizId}/modules`, { signal }),
    staleTime: 60_000,
  });
}
