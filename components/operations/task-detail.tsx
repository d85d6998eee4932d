"use client";
// One task, shareable by its URL: what ran where and by whom, a progress bar, and a row per
// (process × host) with its state, code, readable message, output tail and duration — grouped by
// process, filtered by state or IP, sorted by duration and paged (all in the URL). Polled every 1.5 s
// until every row has finished. "Retry failed" starts a new task with only the failed rows and opens
// it, once: the task then links to its retry instead. A stop or kill asks again before it is retried.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Pagination } from "@/components/ui/pagination";
import { TaskRowToolbar } from "@/components/operations/task-row-toolbar";
import { countRowStates, ipsToCopy, matchesRowFilter, readTaskRowsView, ROWS_PER_PAGE, selectTaskRows, writeTaskRowsView, type TTaskRowsView } from "@/lib/client/operations/task-rows-view";
import { useUrlQuery } from "@/lib/client/use-url-state";
import { useBizAbilities } from "@/components/console/biz-abilities";
import { Button, LinkButton } from "@/components/ui/button";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { ErrorNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { StateBadge } from "@/components/operations/state-badges";
import { TaskProgress } from "@/components/operations/task-progress";
import { TaskRows } from "@/components/operations/task-rows";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import { formatDuration, formatMoment } from "@/lib/client/operations/format";
import { useRetryFailedRows } from "@/lib/client/operations/mutations";
import { TASK_POLL_MS, useTaskDetail } from "@/lib/client/operations/queries";
import { isDestructive, opTypeKey, rowState, taskState } from "@/lib/client/operations/result-codes";
import { taskHref, taskListHref } from "@/lib/client/operations/task-list-view";
import type { TTaskDetail } from "@/lib/operations/get-task-detail";
import { useToast } from "@/lib/client/toast";

const SOURCES: Record<string, TMessageKey> = { console: "sourceConsole", gse: "sourceGse", job: "sourceJob" };

export function TaskDetail({ bizId, taskId }: { bizId: number; taskId: string }) {
  const t = useT();
  const task = useTaskDetail(bizId, taskId);
  const { canOperate } = useBizAbilities();

  if (task.isError && !task.data) return <ErrorNotice title={t("errorTitle")} message={task.error.message} retryLabel={t("retry")} onRetry={() => task.refetch()} />;
  const data = task.data;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">
          {t("task")} <span className="font-mono text-base">{taskId}</span>
        </h1>
        {data && (
          <span data-task-state={taskState(data.progress)}>
            <StateBadge state={taskState(data.progress)} />
          </span>
        )}
        <div className="ml-auto flex gap-2">
          <LinkButton variant="ghost" href={taskListHref(bizId, data?.processId != null ? { process: data.processId } : {})}>
            {t("taskHistoryLink")}
          </LinkButton>
          {data && canOperate && <RetryFailedButton bizId={bizId} task={data} />}
        </div>
      </div>
      <section aria-label={t("taskPageTitle")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        {data ? <TaskSummary bizId={bizId} task={data} /> : <SkeletonLines lines={3} label={t("loading")} />}
        {data && <TaskProgress progress={data.progress} />}
        {data && !data.isFinished && (
          <p className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
            {t("pollingNote", { seconds: TASK_POLL_MS / 1000 })}
          </p>
        )}
      </section>
      {task.isError && data && <ErrorNotice title={t("errorTitle")} message={task.error.message} retryLabel={t("retry")} onRetry={() => task.refetch()} />}
      <TaskRowsPanel bizId={bizId} taskId={taskId} task={data} />
    </div>
  );
}

function TaskRowsPanel({ bizId, taskId, task }: { bizId: number; taskId: string; task: TTaskDetail | undefined }) {
  const [query, setQuery] = useUrlQuery();
  const view = readTaskRowsView(query);
  const viewKey = writeTaskRowsView(view).toString();
  const changeView = (change: Partial<TTaskRowsView>, mode: "push" | "replace" = "push") => setQuery(writeTaskRowsView({ ...readTaskRowsView(new URLSearchParams(viewKey)), ...change }), mode);
  const rows = task?.rows;
  // one pass per poll over every row, whatever page is shown; the page itself is ROWS_PER_PAGE rows
  const derived = useMemo(() => {
    if (!rows) return null;
    const shown = selectTaskRows(rows, view);
    const groupCounts = new Map<string, number>();
    for (const row of shown) groupCounts.set(row.processName, (groupCounts.get(row.processName) ?? 0) + 1);
    return {
      shown,
      groupCounts,
      counts: countRowStates(rows),
      isGrouped: new Set(rows.map((row) => row.processName)).size > 1,
      ips: { all: ipsToCopy(rows), failed: ipsToCopy(rows.filter((row) => rowState(row.code) === "failed")), shown: ipsToCopy(rows.filter((row) => matchesRowFilter(row, view))) },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- viewKey is the view
  }, [rows, viewKey]);
  const pageCount = derived ? Math.max(1, Math.ceil(derived.shown.length / ROWS_PER_PAGE)) : 1;
  const page = Math.min(view.page, pageCount);
  const pageRows = derived?.shown.slice((page - 1) * ROWS_PER_PAGE, page * ROWS_PER_PAGE);

  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      {derived && <TaskRowToolbar view={view} counts={derived.counts} onViewChange={changeView} ips={derived.ips} />}
      <TaskRows bizId={bizId} taskId={taskId} rows={pageRows} groupCounts={derived?.groupCounts ?? new Map()} isGrouped={derived?.isGrouped ?? false} sort={view.sort} onSort={(sort) => changeView({ sort, page: 1 })} />
      {derived && derived.shown.length > ROWS_PER_PAGE && (
        <div className="border-t border-slate-200 px-3 py-2 dark:border-slate-800">
          <Pagination page={page} size={ROWS_PER_PAGE} total={derived.shown.length} sizes={[ROWS_PER_PAGE]} onChange={(change) => changeView({ page: change.page ?? 1 })} />
        </div>
      )}
    </div>
  );
}

function TaskSummary({ bizId, task }: { bizId: number; task: TTaskDetail }) {
  const t = useT();
  const { lang } = useLang();
  const timeZone = useTimeZone();
  const processName = task.processes[0]?.name ?? task.rows[0]?.name ?? "";
  const processId = task.processId ?? (task.processes.length === 1 ? task.processes[0].processId : null);
  const end = task.finishedAt ? new Date(task.finishedAt).getTime() : null;
  const linkClass = `rounded text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${FOCUS_RING}`;
  const items: { label: string; value: React.ReactNode }[] = [
    { label: t("taskOperation"), value: t(opTypeKey(task.opType), { op: task.opType }) },
    {
      label: t("processColumn"),
      value:
        task.processes.length > 1 ? (
          <span title={task.processes.map((p) => p.name).join(", ")}>{t("taskProcessesValue", { count: task.processes.length })}</span>
        ) : processId !== null ? (
          <Link className={linkClass} href={`/biz/${bizId}/processes/${processId}`}>
            {processName || `#${processId}`}
          </Link>
        ) : (
          processName || t("notSet")
        ),
    },
    { label: t("taskRequestedBy"), value: task.appCode ? `${task.requestedBy} (${t("viaApp", { app: task.appCode })})` : task.requestedBy },
    { label: t("taskSource"), value: t(SOURCES[task.source] ?? "sourceConsole") },
    { label: t("taskStarted"), value: <time dateTime={task.createdAt}>{formatMoment(lang, task.createdAt, timeZone)}</time> },
    { label: t("taskFinished"), value: task.finishedAt ? <time dateTime={task.finishedAt}>{formatMoment(lang, task.finishedAt, timeZone)}</time> : t("notSet") },
    { label: t("taskDuration"), value: end !== null ? formatDuration(lang, end - new Date(task.createdAt).getTime()) : t("notSet") },
  ];
  if (task.retryOf) {
    items.push({
      label: t("taskRetryOf"),
      value: (
        <Link className={`${linkClass} font-mono text-xs`} href={taskHref(bizId, task.retryOf)}>
          {task.retryOf}
        </Link>
      ),
    });
  }
  if (task.gseTaskIds) {
    items.push({ label: t("dispatchSentToGse"), value: <span className="font-mono text-xs">{task.gseTaskIds.join(", ") || t("dispatchNotSentYet")}</span> });
  }
  if (task.retriedAs) {
    items.push({
      label: t("taskRetriedAs"),
      value: (
        <Link className={`${linkClass} font-mono text-xs`} href={taskHref(bizId, task.retriedAs)} data-testid="retried-as">
          {task.retriedAs}
        </Link>
      ),
    });
  }
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm md:grid-cols-4">
      {items.map((item) => (
        <div key={item.label} className="min-w-0">
          <dt className="text-xs text-slate-500 dark:text-slate-400">{item.label}</dt>
          <dd className="truncate">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RetryFailedButton({ bizId, task }: { bizId: number; task: TTaskDetail }) {
  const t = useT();
  const router = useRouter();
  const { showToast } = useToast();
  const retry = useRetryFailedRows(bizId, task.id);
  const [isConfirming, setIsConfirming] = useState(false);
  const failed = task.progress.failed;
  // retried once already (the summary links the retry), or finished without failures: nothing to offer
  if (task.retriedAs !== null || (task.isFinished && failed === 0)) return null;
  const operation = t(opTypeKey(task.opType), { op: task.opType });
  const send = () =>
    retry.mutate(undefined, {
      onSuccess: ({ taskId }) => router.push(taskHref(bizId, taskId)),
      onError: (error) => {
        setIsConfirming(false);
        showToast(t("retryFailedError", { message: error.message }), "error");
      },
    });
  return (
    <>
      <Button
        variant="primary"
        title={t("retryFailedHint")}
        disabled={!task.isFinished || failed === 0 || retry.isPending}
        onClick={() => (isDestructive(task.opType) ? setIsConfirming(true) : send())}
      >
        {retry.isPending ? t("sending") : failed > 0 ? t("retryFailed", { count: failed }) : t("retryFailedPlain")}
      </Button>
      <ConfirmDialog
        isOpen={isConfirming}
        onClose={() => setIsConfirming(false)}
        title={t("retryConfirmTitle", { operation })}
        confirmLabel={t("retryConfirmButton", { operation })}
        pendingLabel={t("sending")}
        isPending={retry.isPending}
        isDanger
        onConfirm={send}
      >
        <p className="font-medium">{t(failed === 1 ? "retryConfirmBodyOne" : "retryConfirmBody", { operation, count: failed })}</p>
      </ConfirmDialog>
    </>
  );
}
