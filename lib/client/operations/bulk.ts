"use client";
// Operating many catalogue processes as one task: the preview (what would be queued, refetched as the
// choice changes) and the operation itself. Both POST the same body; only the second changes anything.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { operationKeys } from "@/lib/client/operations/query-keys";
import type { TBulkPreview } from "@/lib/operations/operate-catalogue-processes";

export type TBulkInput = { opType: number; processIds: number[]; modules?: string[] };

const operationsPath = (bizId: number) => `/api/console/businesses/${bizId}/operations`;

export function useBulkPreview(bizId: number, input: TBulkInput | null) {
  return useQuery({
    queryKey: [...operationKeys.all(bizId), "bulk-preview", input] as const,
    queryFn: ({ signal }) => consoleFetch<TBulkPreview>(`${operationsPath(bizId)}/preview`, { method: "POST", body: input!, signal }),
    enabled: input !== null && input.processIds.length > 0 && (input.modules === undefined || input.modules.length > 0),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useBulkOperate(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TBulkInput) => consoleFetch<{ taskId: string }>(operationsPath(bizId), { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: operationKeys.taskLists(bizId) }),
  });
}
