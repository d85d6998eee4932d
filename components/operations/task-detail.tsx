"use client";
// One task, shareable by its URL: what ran where and by whom, a progress bar, and a row per host with
// its state, code, readable message, output tail and duration. Polled every 1.5 s until every row has
// finished. "Retry failed" starts a new task with only the failed rows and opens it.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useBizAbilities } from "@/components/console/biz-abilities";
import { Button, LinkButton } from "@/components/ui/button";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { ErrorNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { StateBadge } from "@/components/operations/state-badges";
import { TaskProgress } from "@/components/operations/task-progress";
import { TaskRows } from "@/components/operations/task-rows";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import { formatDuration, formatMoment } from "@/lib/client/operations/format";
import { useRetryFailedRows } from "@/lib/client/operations/mutations";
import { TASK_POLL_MS, useTaskDetail } from "@/lib/client/operations/queries";
import { opTypeKey, taskState } from "@/lib/client/operations/result-codes";
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
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <TaskRows taskId={taskId} rows={data?.rows} />
      </div>
    </div>
  );
}

function TaskSummary({ bizId, task }: { bizId: number; task: TTaskDetail }) {
  const t = useT();
  const { lang } = useLang();
  const processName = task.rows[0]?.name ?? "";
  const end = task.finishedAt ? new Date(task.finishedAt).getTime() : null;
  const linkClass = `rounded text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${FOCUS_RING}`;
  const items: { label: string; value: React.ReactNode }[] = [
    { label: t("taskOperation"), value: t(opTypeKey(task.opType), { op: task.opType }) },
    {
      label: t("processColumn"),
      value:
        task.processId !== null ? (
          <Link className={linkClass} href={`/biz/${bizId}/processes/${task.processId}`}>
            {processName || `#${task.processId}`}
          </Link>
        ) : (
          processName || t("notSet")
        ),
    },
    { label: t("taskRequestedBy"), value: task.appCode ? `${task.requestedBy} (${t("viaApp", { app: task.appCode })})` : task.requestedBy },
    { label: t("taskSource"), value: t(SOURCES[task.source] ?? "sourceConsole") },
    { label: t("taskStarted"), value: <time dateTime={task.createdAt}>{formatMoment(lang, task.createdAt)}</time> },
    { label: t("taskFinished"), value: task.finishedAt ? <time dateTime={task.finishedAt}>{formatMoment(lang, task.finishedAt)}</time> : t("notSet") },
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
  const failed = task.progress.failed;
  // only console tasks know their catalogue process (GSE/JOB callers retry through their own API);
  // a finished task without failures has nothing to retry
  if (task.processId === null || (task.isFinished && failed === 0)) return null;
  return (
    <Button
      variant="primary"
      title={t("retryFailedHint")}
      disabled={!task.isFinished || failed === 0 || retry.isPending}
      onClick={() =>
        retry.mutate(undefined, {
          onSuccess: ({ taskId }) => router.push(taskHref(bizId, taskId)),
          onError: (error) => showToast(t("retryFailedError", { message: error.message }), "error"),
        })
      }
    >
      {retry.isPending ? t("sending") : failed > 0 ? t("retryFailed", { count: failed }) : t("retryFailedPlain")}
    </Button>
  );
}
