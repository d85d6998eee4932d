"use client";
// A business's dispatch backend (global administrators): read, and set or clear; a save patches the cache.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import type { TDispatchBackendView, TSetDispatchBackend } from "@/lib/operations/dispatch/gse-backend-config";

export const dispatchKeys = {
  all: ["dispatch"] as const,
  of: (bizId: number) => [...dispatchKeys.all, bizId] as const,
};

const dispatchPath = (bizId: number) => `/api/console/admin/businesses/${bizId}/dispatch`;

export function useDispatchBackend(bizId: number) {
  return useQuery({
    queryKey: dispatchKeys.of(bizId),
    queryFn: ({ signal }) => consoleFetch<TDispatchBackendView>(dispatchPath(bizId), { signal }),
  });
}

export function useSetDispatchBackend(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TSetDispatchBackend) => consoleFetch<TDispatchBackendView>(dispatchPath(bizId), { method: "PUT", body: input }),
    onSuccess: (view) => queryClient.setQueryData(dispatchKeys.of(bizId), view),
  });
}
