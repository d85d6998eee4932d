"use client";
// Who changed this process and what: per audit entry the actor, the time, and each attribute before → after;
// and what an agent did on its own (restarted a dead instance), marked as an agent event.
import { Badge } from "@/components/ui/badge";
import { ErrorNotice } from "@/components/ui/notice";
import { SkeletonLines } from "@/components/ui/skeleton";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import { formatDateTime } from "@/lib/client/i18n/fill-message";
import { columnLabel, formatAttributeValue } from "@/lib/client/processes/format-attribute";
import { useProcessHistory } from "@/lib/client/processes/queries";
import type { TAuditHistoryEntry } from "@/lib/audit/list-process-history";
import type { TMessageKey } from "@/lib/client/i18n/messages";

const AGENT_EVENT_KEYS: Record<string, TMessageKey | undefined> = { restarted: "liveEventRestarted", restart_failed: "liveEventRestartFailed", gave_up: "liveEventGaveUp" };

function describeAgentEvent(entry: TAuditHistoryEntry, t: ReturnType<typeof useT>): string | null {
  const key = AGENT_EVENT_KEYS[entry.action];
  return key ? t(key, { ip: String(entry.after?.ip ?? "") }) : null;
}

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
  const timeZone = useTimeZone();
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
              : (describeAgentEvent(entry, t) ?? entry.action);
  const isAgentEvent = AGENT_EVENT_KEYS[entry.action] !== undefined && entry.actorType === "system";
  const changes = entry.action === "update" ? Object.keys(entry.after ?? {}) : [];
  return (
    <li data-history-action={entry.action} className={`border-l-2 pl-3 text-sm ${isAgentEvent ? "border-amber-300 dark:border-amber-800" : "border-slate-200 dark:border-slate-700"}`}>
      <p>
        {isAgentEvent && (
          <span className="mr-1.5">
            <Badge tone="amber">{t("liveAgentEvent")}</Badge>
          </span>
        )}
        <span className="font-medium">{entry.actor}</span> {summary}
        {entry.appCode && <span className="text-slate-500 dark:text-slate-400"> ({t("viaApp", { app: entry.appCode })})</span>}
        <time dateTime={entry.at} className="ml-2 text-xs text-slate-500 dark:text-slate-400">
          {formatDateTime(lang, entry.at, timeZone)}
        </time>
      </p>
      {isAgentEvent && typeof entry.after?.message === "string" && <p className="mt-0.5 font-mono text-xs text-slate-600 dark:text-slate-400">{entry.after.message}</p>}
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
