"use client";
// Task history: who ran what, where, newest first. Filters (process, host IP, operation, state, user)
// and paging live in the URL, so "who ran what on this host" is a link.
import Link from "next/link";
import { useCallback } from "react";
import { Button } from "@/components/ui/button";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { EmptyState, ErrorNotice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { StateBadge } from "@/components/operations/state-badges";
import { AgentEventRow, interleaveHistory } from "@/components/operations/agent-event-row";
import { TaskHistoryFilters } from "@/components/operations/task-history-filters";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import { formatDuration, formatMoment } from "@/lib/client/operations/format";
import { useTaskList } from "@/lib/client/operations/queries";
import { opTypeKey } from "@/lib/client/operations/result-codes";
import { describeTaskProcesses } from "@/lib/client/operations/task-process-label";
import { DEFAULT_TASK_VIEW, hasTaskFilters, readTaskListView, TASK_PAGE_SIZES, taskHref, taskListHref, writeTaskListView, type TTaskListView } from "@/lib/client/operations/task-list-view";
import { useUrlQuery } from "@/lib/client/use-url-state";
import type { TTaskSummary } from "@/lib/operations/list-tasks";

const COLUMNS = 8;

export function TaskHistory({ bizId, businessName }: { bizId: number; businessName: string }) {
  const t = useT();
  const [query, setQuery] = useUrlQuery();
  const view = readTaskListView(query);
  const list = useTaskList(bizId, view);
  const viewKey = writeTaskListView(view).toString();
  const changeView = useCallback(
    (change: Partial<TTaskListView>, mode: "push" | "replace" = "push") => {
      const current = readTaskListView(new URLSearchParams(viewKey));
      setQuery(writeTaskListView({ ...current, ...change }), mode);
    },
    [viewKey, setQuery],
  );

  return (
    <div className="space-y-3">
      <h1 className="text-lg font-semibold">
        {t("tasksTitle")} <span className="text-sm font-normal text-slate-500 dark:text-slate-400">· {businessName}</span>
      </h1>
      <TaskHistoryFilters bizId={bizId} view={view} onViewChange={changeView} />
      {list.isError && !list.data ? (
        <ErrorNotice title={t("tasksError")} message={list.error.message} retryLabel={t("retry")} onRetry={() => list.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
          <div className={`overflow-x-auto transition-opacity ${list.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={list.isFetching}>
            <Table>
              <caption className="sr-only">{t("tasksTable", { business: businessName })}</caption>
              <TableHead>
                <tr>
                  <HeaderCell>{t("taskIdColumn")}</HeaderCell>
                  <HeaderCell>{t("processColumn")}</HeaderCell>
                  <HeaderCell>{t("taskOperation")}</HeaderCell>
                  <HeaderCell className="text-right">{t("rowsColumn")}</HeaderCell>
                  <HeaderCell>{t("stateColumn")}</HeaderCell>
                  <HeaderCell>{t("taskRequestedBy")}</HeaderCell>
                  <HeaderCell>{t("taskStarted")}</HeaderCell>
                  <HeaderCell className="text-right">{t("taskDuration")}</HeaderCell>
                </tr>
              </TableHead>
              <tbody>
                {list.data
                  ? interleaveHistory(list.data.tasks, list.data.events).map((item) =>
                      item.type === "task" ? <TaskRow key={item.task.id} bizId={bizId} task={item.task} /> : <AgentEventRow key={`event-${item.event.id}`} bizId={bizId} event={item.event} columns={COLUMNS} />,
                    )
                  : <SkeletonRows rows={8} columns={COLUMNS} />}
              </tbody>
            </Table>
          </div>
          {list.data?.count === 0 &&
            (hasTaskFilters(view) ? (
              <EmptyState title={t("noTasksMatch")} hint={t("noTasksMatchHint")}>
                <Button onClick={() => changeView({ ...DEFAULT_TASK_VIEW, size: view.size })}>{t("clearFilters")}</Button>
              </EmptyState>
            ) : (
              <EmptyState title={t("noTasks")} hint={t("noTasksHint")} />
            ))}
          {list.isError && list.data && (
            <div className="border-t border-slate-200 p-2 dark:border-slate-800">
              <ErrorNotice title={t("tasksError")} message={list.error.message} retryLabel={t("retry")} onRetry={() => list.refetch()} />
            </div>
          )}
          <div className="border-t border-slate-200 px-3 py-2 dark:border-slate-800">
            <Pagination page={view.page} size={view.size} total={list.data?.count ?? 0} sizes={TASK_PAGE_SIZES} onChange={(change) => changeView(change)} />
          </div>
        </div>
      )}
    </div>
  );
}

function TaskRow({ bizId, task }: { bizId: number; task: TTaskSummary }) {
  const t = useT();
  const { lang } = useLang();
  const timeZone = useTimeZone();
  const linkClass = `rounded text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${FOCUS_RING}`;
  const processes = task.processId === null ? describeTaskProcesses(t, task) : null;
  const duration = task.finishedAt ? new Date(task.finishedAt).getTime() - new Date(task.createdAt).getTime() : null;
  return (
    <Row data-task-id={task.id}>
      <Cell className="whitespace-nowrap">
        <Link href={taskHref(bizId, task.id)} className={`${linkClass} font-mono text-xs`}>
          {task.id}
        </Link>
      </Cell>
      <Cell>
        {task.processId !== null ? (
          <Link href={taskListHref(bizId, { process: task.processId })} className={linkClass} title={t("filterByProcess", { name: task.processName || `#${task.processId}` })}>
            {task.processName || `#${task.processId}`}
          </Link>
        ) : processes !== null ? (
          <span title={task.processCount > 1 ? t("taskProcessesValue", { count: task.processCount }) : undefined} data-testid="task-processes">
            {processes}
          </span>
        ) : (
          <span className="text-slate-500 dark:text-slate-400">{t("notSet")}</span>
        )}
      </Cell>
      <Cell className="whitespace-nowrap">{t(opTypeKey(task.opType), { op: task.opType })}</Cell>
      <Cell className="text-right">{task.total}</Cell>
      <Cell className="whitespace-nowrap">
        <span className="inline-flex items-center gap-1.5">
          <StateBadge state={task.state} />
          {task.state === "failed" && <span className="text-xs text-red-700 dark:text-red-400">{t("failedCount", { count: task.failed })}</span>}
        </span>
      </Cell>
      <Cell>{task.requestedBy}</Cell>
      <Cell className="text-xs whitespace-nowrap">
        <time dateTime={task.createdAt}>{formatMoment(lang, task.createdAt, timeZone)}</time>
      </Cell>
      <Cell className="text-right text-xs whitespace-nowrap">{duration !== null ? formatDuration(lang, duration) : t("notSet")}</Cell>
    </Row>
  );
}
