// Every TanStack Query key of the operations domain: task lists and task details, and per process the
// hosts it can run on and its instances. An operation invalidates task lists and that process's
// instances; a task's own key is only ever polled.
import type { TTaskListView } from "@/lib/client/operations/task-list-view";

export const operationKeys = {
  all: (bizId: number) => ["operations", bizId] as const,
  tasks: (bizId: number) => [...operationKeys.all(bizId), "tasks"] as const,
  taskLists: (bizId: number) => [...operationKeys.tasks(bizId), "list"] as const,
  taskList: (bizId: number, view: TTaskListView) => [...operationKeys.taskLists(bizId), view] as const,
  task: (bizId: number, taskId: string) => [...operationKeys.tasks(bizId), "detail", taskId] as const,
  process: (bizId: number, processId: number) => [...operationKeys.all(bizId), "process", processId] as const,
  operationHosts: (bizId: number, processId: number) => [...operationKeys.process(bizId, processId), "hosts"] as const,
  instances: (bizId: number, processId: number) => [...operationKeys.process(bizId, processId), "instances"] as const,
  /** the live states of one page of the process list, by its row ids in list order */
  liveStates: (bizId: number, ids: number[]) => [...operationKeys.all(bizId), "live-states", ids] as const,
};
