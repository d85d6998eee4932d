"use client";
// Starting operations. Both create a new task: the task lists are invalidated (a new row at the top),
// and an operation also the instances of its process; the new task's page is opened by the caller.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { processOperationsPath, taskPath } from "@/lib/client/operations/queries";
import { operationKeys } from "@/lib/client/operations/query-keys";

type TOperateInput = { opType: number; hostIds: number[] };

export function useOperateProcess(bizId: number, processId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TOperateInput) => consoleFetch<{ taskId: string }>(`${processOperationsPath(bizId, processId)}/operations`, { method: "POST", body: input }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: operationKeys.taskLists(bizId) }),
        queryClient.invalidateQueries({ queryKey: operationKeys.instances(bizId, processId) }),
      ]),
  });
}

export function useRetryFailedRows(bizId: number, taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => consoleFetch<{ taskId: string }>(`${taskPath(bizId, taskId)}/retry`, { method: "POST" }),
    // the original now shows "Retried as …" (a finished task is otherwise never fetched again); after a
    // refusal too: another tab may have retried it first
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: operationKeys.taskLists(bizId) }), queryClient.invalidateQueries({ queryKey: operationKeys.task(bizId, taskId) })]),
  });
}
