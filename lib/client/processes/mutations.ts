"use client";
// Changing processes. Each mutation touches only the keys its change affects:
// create → lists; update → that record, its history, lists; delete → drops that process, lists;
// batch → lists and each changed record/history; binding → patches that process's modules
// optimistically (rolled back on refusal), then its history, lists and operation hosts/instances.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { operationKeys } from "@/lib/client/operations/query-keys";
import { processPath } from "@/lib/client/processes/queries";
import { processKeys } from "@/lib/client/processes/query-keys";
import type { TModuleBindingRow } from "@/lib/processes/list-process-modules";
import type { TBatchPreviewRow } from "@/lib/processes/preview-batch-update";

export function useCreateProcess(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (attributes: Record<string, unknown>) => consoleFetch<{ bk_process_id: number }>(processPath(bizId), { method: "POST", body: attributes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: processKeys.lists(bizId) }),
  });
}

type TUpdateInput = { expectedRevision: number; changes: Record<string, unknown> };

export function useUpdateProcess(bizId: number, processId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TUpdateInput) => consoleFetch<{ revision: number }>(processPath(bizId, processId), { method: "PATCH", body: input }),
    onSuccess: () => invalidateProcess(queryClient, bizId, processId),
  });
}

export function useDeleteProcess(bizId: number, processId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => consoleFetch<null>(processPath(bizId, processId), { method: "DELETE" }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: processKeys.process(bizId, processId) });
      return queryClient.invalidateQueries({ queryKey: processKeys.lists(bizId) });
    },
  });
}

type TBatchInput = { ids: number[]; changes: Record<string, unknown> };

export function usePreviewBatchUpdate(bizId: number) {
  return useMutation({
    mutationFn: (input: TBatchInput) => consoleFetch<TBatchPreviewRow[]>(`${processPath(bizId)}/batch-update/preview`, { method: "POST", body: input }),
  });
}

export function useBatchUpdate(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TBatchInput) => consoleFetch<null>(`${processPath(bizId)}/batch-update`, { method: "POST", body: input }),
    onSuccess: (_data, input) => Promise.all(input.ids.map((id) => invalidateProcess(queryClient, bizId, id))),
  });
}

type TBindingInput = { moduleName: string; isBound: boolean };

export function useSetModuleBinding(bizId: number, processId: number) {
  const queryClient = useQueryClient();
  const modulesKey = processKeys.modules(bizId, processId);
  return useMutation({
    mutationFn: ({ moduleName, isBound }: TBindingInput) =>
      consoleFetch<null>(`${processPath(bizId, processId)}/modules/${encodeURIComponent(moduleName)}`, { method: isBound ? "PUT" : "DELETE" }),
    onMutate: async ({ moduleName, isBound }) => {
      await queryClient.cancelQueries({ queryKey: modulesKey });
      const previous = queryClient.getQueryData<TModuleBindingRow[]>(modulesKey);
      queryClient.setQueryData<TModuleBindingRow[]>(modulesKey, (rows) =>
        rows?.map((row) => (row.bk_module_name === moduleName ? { ...row, is_bind: isBound ? 1 : 0 } : row)),
      );
      return { previous };
    },
    onError: (_error, _input, context) => {
      if (context?.previous) queryClient.setQueryData(modulesKey, context.previous);
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: processKeys.history(bizId, processId) }),
        queryClient.invalidateQueries({ queryKey: processKeys.lists(bizId) }),
        // the hosts it runs on (Operate dialog, instances) follow its bindings
        queryClient.invalidateQueries({ queryKey: operationKeys.process(bizId, processId) }),
      ]),
  });
}

function invalidateProcess(queryClient: QueryClient, bizId: number, processId: number) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: processKeys.record(bizId, processId) }),
    queryClient.invalidateQueries({ queryKey: processKeys.history(bizId, processId) }),
    queryClient.invalidateQueries({ queryKey: processKeys.lists(bizId) }),
  ]);
}
