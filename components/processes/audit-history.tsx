"use client";
// Who changed this process and what: per audit entry the actor, the time, and each attribute before → after.
import { ErrorNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { formatDateTime } from "@/lib/client/i18n/fill-message";
import { columnLabel, formatAttributeValue } from "@/lib/client/processes/format-attribute";
import { useProcessHistory } from "@/lib/client/processes/queries";
import type { TAuditHistoryEntry } from "@/lib/audit/list-process-history";

export function AuditHistory({ bizId, processId }: { bizId: number; processId: number }) {
  const t = useT();
  const history = useProcessHistory(bizId, processId);
  return (
    <section aria-labelledby="history-title" className="rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <h2 id="history-title" className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800">
        {t("history")}
      </h2>
      <div className="p-4">
        {history.isError && !history.data ? (
          <ErrorNotice title={t("errorTitle")} message={history.error.message} retryLabel={t("retry")} onRetry={() => history.refetch()} />
        ) : !history.data ? (
          <SkeletonLines lines={4} label={t("loading")} />
        ) : history.data.length === 0 ? (
          <p className="text-sm text-slate-500 dark:text-slate-400">{t("noHistory")}</p>
        ) : (
          <ol className="space-y-3">
            {history.data.map((entry) => (
              <HistoryEntry key={entry.id} entry={entry} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}

function HistoryEntry({ entry }: { entry: TAuditHistoryEntry }) {
  const t = useT();
  const { lang } = useLang();
  const moduleName = String((entry.after ?? entry.before)?.bk_module_name ?? "");
  const summary =
    entry.action === "create"
      ? t("actionCreate")
      : entry.action === "delete"
        ? t("actionDelete")
        : entry.action === "bind"
          ? t("actionBind", { module: moduleName })
          : entry.action === "unbind"
            ? t("actionUnbind", { module: moduleName })
            : entry.action === "update"
              ? t("actionUpdate")
              : entry.action;
  const changes = entry.action === "update" ? Object.keys(entry.after ?? {}) : [];
  return (
    <li className="border-l-2 border-slate-200 pl-3 text-sm dark:border-slate-700">
      <p>
        <span className="font-medium">{entry.actor}</span> {summary}
        {entry.appCode && <span className="text-slate-500 dark:text-slate-400"> ({t("viaApp", { app: entry.appCode })})</span>}
        <time dateTime={entry.at} className="ml-2 text-xs text-slate-500 dark:text-slate-400">
          {formatDateTime(lang, entry.at)}
        </time>
      </p>
      {changes.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-xs">
          {changes.map((field) => (
            <li key={field} className="flex flex-wrap items-baseline gap-1.5">
              <span className="text-slate-500 dark:text-slate-400">{columnLabel(field, lang)}:</span>
              <del className="rounded bg-red-50 px-1 font-mono text-red-800 no-underline dark:bg-red-950/60 dark:text-red-300">{describe(field, entry.before?.[field], lang, t("emptyValue"))}</del>
              <span aria-hidden>→</span>
              <ins className="rounded bg-emerald-50 px-1 font-mono text-emerald-800 no-underline dark:bg-emerald-950/60 dark:text-emerald-300">{describe(field, entry.after?.[field], lang, t("emptyValue"))}</ins>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function describe(field: string, value: unknown, lang: "en" | "zh", empty: string) {
  return value === null || value === undefined || value === "" ? empty : formatAttributeValue(field, value, lang);
}
