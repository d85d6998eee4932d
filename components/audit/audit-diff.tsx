"use client";
// One audit entry's values before → after: for an update only the fields that changed, for a create
// or a delete every field. Long values wrap; nested JSON is shown indented.
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { columnLabel, formatAttributeValue } from "@/lib/client/processes/format-attribute";
import { diffAuditValues, showAuditValue, type TAuditChange } from "@/lib/audit/diff-audit-values";
import type { TAuditEntry } from "@/lib/audit/list-audit-entries";
import type { TLang } from "@/lib/core/i18n";

const BEFORE_CLASS = "bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200";
const AFTER_CLASS = "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200";

export function AuditDiff({ entry }: { entry: TAuditEntry }) {
  const t = useT();
  const { lang } = useLang();
  const changes = diffAuditValues(entry.before, entry.after);
  if (changes.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">{t("auditNoValues")}</p>;
  // a create has nothing before, a delete nothing after: one column of values is enough
  const sides = !entry.before ? (["after"] as const) : !entry.after ? (["before"] as const) : (["before", "after"] as const);
  return (
    <table className="w-full table-fixed border-collapse text-left text-xs" data-audit-diff={entry.id}>
      <thead className="text-slate-500 dark:text-slate-400">
        <tr>
          <th scope="col" className="w-48 px-2 py-1 font-medium">
            {t("auditField")}
          </th>
          {sides.map((side) => (
            <th key={side} scope="col" className="px-2 py-1 font-medium">
              {t(side === "before" ? "auditBefore" : "auditAfter")}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.field} className="border-t border-slate-200 align-top dark:border-slate-800" data-field={change.field}>
            <th scope="row" className="px-2 py-1.5 font-normal">
              <FieldName entry={entry} change={change} lang={lang} />
            </th>
            {sides.map((side) => (
              <td key={side} className="px-2 py-1.5">
                <ValueCell value={change[side]} tone={side} field={entry.objectType === "process" ? change.field : null} lang={lang} absentLabel={t("auditAbsent")} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldName({ entry, change, lang }: { entry: TAuditEntry; change: TAuditChange; lang: TLang }) {
  const t = useT();
  const label = entry.objectType === "process" ? columnLabel(change.field, lang) : change.field;
  const kind = change.kind === "added" ? "auditAdded" : change.kind === "removed" ? "auditRemoved" : "auditChanged";
  return (
    <span className="flex flex-col">
      <span className="font-medium text-slate-800 dark:text-slate-200">{label}</span>
      {label !== change.field && <span className="font-mono text-[11px] text-slate-500 dark:text-slate-400">{change.field}</span>}
      {entry.before && entry.after && change.kind !== "changed" && <span className="text-[11px] text-slate-500 italic dark:text-slate-400">{t(kind)}</span>}
    </span>
  );
}

function ValueCell({ value, tone, field, lang, absentLabel }: { value: unknown; tone: "before" | "after"; field: string | null; lang: TLang; absentLabel: string }) {
  const shown = showAuditValue(value);
  if (shown.kind === "absent") return <span className="text-slate-400 italic dark:text-slate-500">{absentLabel}</span>;
  const Tag = tone === "before" ? "del" : "ins";
  const toneClass = tone === "before" ? BEFORE_CLASS : AFTER_CLASS;
  if (shown.kind === "block") {
    return (
      <Tag className={`block no-underline ${toneClass} rounded`}>
        <pre className="max-h-72 overflow-auto px-1.5 py-1 font-mono text-[11px] leading-snug break-all whitespace-pre-wrap">{shown.text}</pre>
      </Tag>
    );
  }
  // an enum id or a flag of a process attribute also shows what it means (protocol "1" is TCP)
  const meaning = field !== null && shown.kind === "inline" ? formatAttributeValue(field, value, lang) : null;
  return (
    <span className="inline-flex max-w-full flex-wrap items-baseline gap-1">
      <Tag className={`rounded px-1 font-mono no-underline break-all whitespace-pre-wrap ${toneClass} ${shown.kind === "empty" ? "italic opacity-75" : ""}`}>{shown.text}</Tag>
      {meaning && meaning !== shown.text && <span className="text-slate-500 dark:text-slate-400">({meaning})</span>}
    </span>
  );
}
