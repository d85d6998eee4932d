"use client";
// Reading operations: each hook is one key of operationKeys and passes TanStack's signal on. A task
// is polled every 1.5 s until it has finished; instances every 3 s while shown.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { mergeTaskRows } from "@/lib/client/operations/merge-task-rows";
import { consoleFetch } from "@/lib/client/console-fetch";
import { operationKeys } from "@/lib/client/operations/query-keys";
import { toTaskQuery, type TTaskListView } from "@/lib/client/operations/task-list-view";
import type { TTaskDetail } from "@/lib/operations/get-task-detail";
import type { TOperationHost } from "@/lib/operations/list-operation-hosts";
import type { TProcessInstance } from "@/lib/operations/list-process-instances";
import type { TTaskSummary } from "@/lib/operations/list-tasks";
import type { TAgentEventEntry } from "@/lib/operations/list-agent-events";

export const TASK_POLL_MS = 1500;
export const INSTANCES_POLL_MS = 3000;
const RUNNING_LIST_POLL_MS = 3000;

const businessPath = (bizId: number) => `/api/console/businesses/${bizId}`;
export const processOperationsPath = (bizId: number, processId: number) => `${businessPath(bizId)}/processes/${processId}`;
export const taskPath = (bizId: number, taskId: string) => `${businessPath(bizId)}/tasks/${encodeURIComponent(taskId)}`;

export function useOperationHosts(bizId: number, processId: number, { isEnabled = true } = {}) {
  return useQuery({
    queryKey: operationKeys.operationHosts(bizId, processId),
    queryFn: ({ signal }) => consoleFetch<TOperationHost[]>(`${processOperationsPath(bizId, processId)}/operation-hosts`, { signal }),
    enabled: isEnabled,
    // agent states change: fetch again each time the dialog opens
    staleTime: 0,
  });
}

export function useProcessInstances(bizId: number, processId: number) {
  return useQuery({
    queryKey: operationKeys.instances(bizId, processId),
    queryFn: ({ signal }) => consoleFetch<TProcessInstance[]>(`${processOperationsPath(bizId, processId)}/instances`, { signal }),
    refetchInterval: INSTANCES_POLL_MS,
  });
}

export function useTaskDetail(bizId: number, taskId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: operationKeys.task(bizId, taskId),
    // while it runs, each poll asks only for the rows changed since the last (a 5,000-row task sends a
    // few rows a poll, not all again); the poll that finds it finished reads it whole, once
    queryFn: async ({ signal }) => {
      const held = queryClient.getQueryData<TTaskDetail>(operationKeys.task(bizId, taskId));
      if (held && !held.isFinished) {
        const changed = await consoleFetch<TTaskDetail>(`${taskPath(bizId, taskId)}?since=${held.cursor}`, { signal });
        if (!changed.isFinished) return mergeTaskRows(held, changed);
      }
      return consoleFetch<TTaskDetail>(taskPath(bizId, taskId), { signal });
    },
    // poll until every row has finished; a finished task never changes again
    refetchInterval: (query) => (query.state.data?.isFinished || (query.state.status === "error" && !query.state.data) ? false : TASK_POLL_MS),
    staleTime: (query) => (query.state.data?.isFinished ? Infinity : 0),
  });
}

export function useTaskList(bizId: number, view: TTaskListView) {
  return useQuery({
    queryKey: operationKeys.taskList(bizId, view),
    queryFn: ({ signal }) => consoleFetch<{ count: number; tasks: TTaskSummary[]; events?: TAgentEventEntry[] }>(`${businessPath(bizId)}/tasks?${toTaskQuery(view)}`, { signal }),
    placeholderData: keepPreviousData,
    // while a listed task runs, its state and counts change
    refetchInterval: (query) => (query.state.data?.tasks.some((task) => task.state === "running") ? RUNNING_LIST_POLL_MS : false),
  });
}
