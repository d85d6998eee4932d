"use client";
// The global admin's business changes: each refreshes the overview and the header's switcher.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { topologyKeys } from "@/lib/client/topology/query-keys";

const BUSINESSES = "/api/console/admin/businesses";

function useRefreshBusinesses() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: topologyKeys.businessOverview() }), queryClient.invalidateQueries({ queryKey: topologyKeys.businesses() })]);
}

export function useCreateBusiness() {
  const refresh = useRefreshBusinesses();
  return useMutation({
    mutationFn: (name: string) => consoleFetch<{ bizId: number; name: string }>(BUSINESSES, { method: "POST", body: { name } }),
    onSuccess: refresh,
  });
}

export function useRenameBusiness() {
  const refresh = useRefreshBusinesses();
  return useMutation({
    mutationFn: ({ bizId, name }: { bizId: number; name: string }) => consoleFetch<{ bizId: number; name: string }>(`${BUSINESSES}/${bizId}`, { method: "PATCH", body: { name } }),
    onSuccess: refresh,
  });
}

export function useDeleteBusiness() {
  const refresh = useRefreshBusinesses();
  return useMutation({
    mutationFn: (bizId: number) => consoleFetch<null>(`${BUSINESSES}/${bizId}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
}
