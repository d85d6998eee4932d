"use client";
// The topology page's tree and the global admin's business overview.
import { useQuery } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { topologyKeys } from "@/lib/client/topology/query-keys";
import type { TTopologyTree } from "@/lib/topology/get-topology-tree";
import type { TBusinessOverview } from "@/lib/topology/list-business-overview";

export const topologyPath = (bizId: number) => `/api/console/businesses/${bizId}/topology`;

export function useTopologyTree(bizId: number) {
  return useQuery({
    queryKey: topologyKeys.tree(bizId),
    queryFn: ({ signal }) => consoleFetch<TTopologyTree>(topologyPath(bizId), { signal }),
  });
}

export function useBusinessOverview() {
  return useQuery({
    queryKey: topologyKeys.businessOverview(),
    queryFn: ({ signal }) => consoleFetch<TBusinessOverview[]>("/api/console/admin/businesses", { signal }),
  });
}
