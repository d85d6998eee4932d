// Every TanStack Query key of the processes domain. Mutations invalidate through these, so "what
// changed" maps to exactly one prefix: a list view, one process's record, modules or history.
import type { TProcessListView } from "@/lib/processes/process-list-view";

export const processKeys = {
  all: (bizId: number) => ["processes", bizId] as const,
  lists: (bizId: number) => [...processKeys.all(bizId), "list"] as const,
  list: (bizId: number, view: TProcessListView) => [...processKeys.lists(bizId), view] as const,
  process: (bizId: number, processId: number) => [...processKeys.all(bizId), "process", processId] as const,
  record: (bizId: number, processId: number) => [...processKeys.process(bizId, processId), "record"] as const,
  modules: (bizId: number, processId: number) => [...processKeys.process(bizId, processId), "modules"] as const,
  history: (bizId: number, processId: number) => [...processKeys.process(bizId, processId), "history"] as const,
};
