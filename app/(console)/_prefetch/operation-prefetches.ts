// Server reads of the task pages, under the keys of lib/client/operations/query-keys.ts, each the same
// call as its console API route.
import "server-only";
import { operationKeys } from "@/lib/client/operations/query-keys";
import { readTaskListView, toTaskQuery } from "@/lib/client/operations/task-list-view";
import { processKeys } from "@/lib/client/processes/query-keys";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { getTaskDetail } from "@/lib/operations/get-task-detail";
import { listTasks, ZTaskFilter } from "@/lib/operations/list-tasks";
import { getProcessRecord } from "@/lib/processes/get-process-detail";
import { parseRouteQuery, type TPagePrefetch } from "./hydrate-queries";

/** GET …/tasks?<view>, and the process the view filters by (its name shows in the filters). */
export function prefetchTaskHistory(business: TBusinessRef, query: URLSearchParams): TPagePrefetch[] {
  const view = readTaskListView(query);
  const filter = parseRouteQuery(ZTaskFilter, toTaskQuery(view));
  return [
    filter && { queryKey: operationKeys.taskList(business.id, view), read: () => listTasks(business.id, filter) },
    view.process !== null ? { queryKey: processKeys.record(business.id, view.process), read: () => getProcessRecord(business, view.process!) } : null,
  ].filter((prefetch) => prefetch !== null);
}

/** GET …/tasks/{taskId} */
export function prefetchTaskDetail(business: TBusinessRef, taskId: string): TPagePrefetch {
  return { queryKey: operationKeys.task(business.id, taskId), read: () => getTaskDetail(taskId, business.id) };
}
