"use client";
// Changing the topology. Sets and modules change the tree and the module names (the process list's
// filter, and the bindings of every process, which follow names); host placement changes the tree's
// counts and the host list. Business changes refresh the overview and the header's switcher.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { hostKeys } from "@/lib/client/hosts/query-keys";
import { processKeys } from "@/lib/client/processes/query-keys";
import { topologyKeys } from "@/lib/client/topology/query-keys";
import { topologyPath } from "@/lib/client/topology/tree-queries";
import type { TImportPlan } from "@/lib/topology/plan-host-import";
import type { TImportResult } from "@/lib/topology/import-hosts";
import type { TPlaceResult } from "@/lib/topology/place-hosts";

function refreshStructure(queryClient: QueryClient, bizId: number) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: topologyKeys.tree(bizId) }),
    queryClient.invalidateQueries({ queryKey: topologyKeys.moduleNames(bizId) }),
    queryClient.invalidateQueries({ queryKey: processKeys.all(bizId) }),
    queryClient.invalidateQueries({ queryKey: hostKeys.all(bizId) }),
  ]);
}

function refreshPlacement(queryClient: QueryClient, bizId: number) {
  return Promise.all([queryClient.invalidateQueries({ queryKey: topologyKeys.tree(bizId) }), queryClient.invalidateQueries({ queryKey: hostKeys.all(bizId) })]);
}

export type TNodeKind = "set" | "module";

/** Create a set (no parent) or a module (in `setId`). */
export function useCreateNode(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ setId, name }: { setId?: number; name: string }) =>
      consoleFetch<{ setId?: number; moduleId?: number; name: string }>(setId === undefined ? `${topologyPath(bizId)}/sets` : `${topologyPath(bizId)}/sets/${setId}/modules`, { method: "POST", body: { name } }),
    onSuccess: () => refreshStructure(queryClient, bizId),
  });
}

export function useRenameNode(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id, name }: { kind: TNodeKind; id: number; name: string }) => consoleFetch<{ name: string }>(`${topologyPath(bizId)}/${kind}s/${id}`, { method: "PATCH", body: { name } }),
    onSuccess: () => refreshStructure(queryClient, bizId),
  });
}

export function useDeleteNode(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, id }: { kind: TNodeKind; id: number }) => consoleFetch<null>(`${topologyPath(bizId)}/${kind}s/${id}`, { method: "DELETE" }),
    onSuccess: () => refreshStructure(queryClient, bizId),
  });
}

export type TPlaceInput = { moduleId: number; hostIds: number[]; hosts: { ip: string; cloudId: number }[]; mode: "add" | "move" };

export function usePlaceHosts(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ moduleId, ...body }: TPlaceInput) => consoleFetch<TPlaceResult>(`${topologyPath(bizId)}/modules/${moduleId}/hosts`, { method: "POST", body }),
    onSuccess: () => refreshPlacement(queryClient, bizId),
  });
}

export function useRemoveHostsFromModule(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ moduleId, hostIds }: { moduleId: number; hostIds: number[] }) => consoleFetch<{ moved: number }>(`${topologyPath(bizId)}/modules/${moduleId}/hosts/remove`, { method: "POST", body: { hostIds } }),
    onSuccess: () => refreshPlacement(queryClient, bizId),
  });
}

export function useRemoveHostFromBusiness(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hostId: number) => consoleFetch<null>(`/api/console/businesses/${bizId}/hosts/${hostId}`, { method: "DELETE" }),
    onSuccess: () => refreshPlacement(queryClient, bizId),
  });
}

export function usePreviewHostImport(bizId: number) {
  return useMutation({
    mutationFn: (csv: string) => consoleFetch<TImportPlan>(`/api/console/businesses/${bizId}/hosts/import/preview`, { method: "POST", body: { csv } }),
  });
}

export function useApplyHostImport(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => consoleFetch<TImportResult>(`/api/console/businesses/${bizId}/hosts/import`, { method: "POST", body: { csv } }),
    onSuccess: () => refreshPlacement(queryClient, bizId),
  });
}
