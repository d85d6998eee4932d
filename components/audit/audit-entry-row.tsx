"use client";
// One audit entry as a table row — when, who (user, or API app and operator), business, object and
// action — that opens to its before → after diff. The object and the person are links that narrow
// the page to them.
import { useId, useState } from "react";
import { AuditDiff } from "@/components/audit/audit-diff";
import { Badge } from "@/components/ui/badge";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { Cell, Row } from "@/components/ui/table";
import { diffAuditValues } from "@/lib/audit/diff-audit-values";
import type { TAuditEntry } from "@/lib/audit/list-audit-entries";
import { actionLabel, describeAuditEntry, objectTypeLabel, showObjectName } from "@/lib/client/audit/audit-labels";
import type { TAuditView } from "@/lib/client/audit/audit-view";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import { formatMoment } from "@/lib/client/operations/format";

export const AUDIT_COLUMNS = 7;

const ACTION_TONES: Record<string, "green" | "blue" | "red" | "amber"> = { create: "green", update: "blue", delete: "red", operate: "amber" };

type TProps = { entry: TAuditEntry; onFilter: (change: Partial<TAuditView>) => void };

export function AuditEntryRow({ entry, onFilter }: TProps) {
  const t = useT();
  const { lang } = useLang();
  const timeZone = useTimeZone();
  const [isOpen, setIsOpen] = useState(false);
  const detailId = useId();
  const fieldCount = diffAuditValues(entry.before, entry.after).length;
  const linkClass = `rounded text-left underline-offset-2 hover:underline ${FOCUS_RING}`;
  const objectName = showObjectName(lang, entry);
  const objectLabel = objectName || `#${entry.objectId}`;

  return (
    <>
      <Row data-audit-id={entry.id} className={isOpen ? "bg-slate-50 dark:bg-slate-900/60" : ""}>
        <Cell className="w-8 pr-0">
          <button
            type="button"
            aria-expanded={isOpen}
            aria-controls={detailId}
            aria-label={t(isOpen ? "auditHideDiff" : "auditShowDiff", { id: entry.id })}
            onClick={() => setIsOpen((open) => !open)}
            className={`grid size-6 place-items-center rounded text-slate-500 hover:bg-slate-200 dark:text-slate-400 dark:hover:bg-slate-800 ${FOCUS_RING}`}
          >
            <span aria-hidden className={`inline-block transition-transform ${isOpen ? "rotate-90" : ""}`}>
              ▸
            </span>
          </button>
        </Cell>
        <Cell className="text-xs whitespace-nowrap">
          <time dateTime={entry.at} title={entry.at}>
            {formatMoment(lang, entry.at, timeZone)}
          </time>
        </Cell>
        <Cell>
          <span className="flex flex-col">
            <button type="button" className={`${linkClass} font-medium`} onClick={() => onFilter({ user: entry.actor })} title={entry.actor}>
              {entry.actor}
            </button>
            {entry.appCode && (
              <button type="button" className={`${linkClass} text-xs text-slate-500 dark:text-slate-400`} onClick={() => onFilter({ app: entry.appCode ?? "" })}>
                {t("auditViaApp", { app: entry.appCode })}
              </button>
            )}
            {entry.actorType === "system" && <span className="text-xs text-slate-500 dark:text-slate-400">{t("auditSystem")}</span>}
          </span>
        </Cell>
        <Cell className="text-xs">
          {entry.bizId === null ? (
            <span className="text-slate-500 dark:text-slate-400">{t("auditAdministration")}</span>
          ) : (
            <button type="button" className={linkClass} onClick={() => onFilter({ biz: entry.bizId })}>
              {entry.bizName || t("auditUnknownBusiness", { id: entry.bizId })}
            </button>
          )}
        </Cell>
        <Cell>
          <p className="mb-0.5 text-slate-900 dark:text-slate-100" data-testid="audit-sentence">
            {describeAuditEntry(t, { ...entry, objectName })}
          </p>
          <span className="flex flex-wrap items-baseline gap-1.5 text-xs">
            <Badge>{objectTypeLabel(t, entry.objectType)}</Badge>
            <button type="button" className={`${linkClass} break-all`} onClick={() => onFilter({ type: entry.objectType, object: entry.objectId })} title={t("auditFilterToObject", { object: objectLabel })}>
              {objectLabel}
            </button>
            {entry.objectName && <span className="font-mono text-xs text-slate-500 dark:text-slate-400">#{entry.objectId}</span>}
          </span>
        </Cell>
        <Cell className="whitespace-nowrap">
          <Badge tone={ACTION_TONES[entry.action] ?? "neutral"}>{actionLabel(t, entry.action)}</Badge>
        </Cell>
        <Cell className="text-xs whitespace-nowrap text-slate-500 dark:text-slate-400">
          {fieldCount === 0 ? t("notSet") : fieldCount === 1 ? t("auditFieldCountOne") : t("auditFieldCount", { count: fieldCount })}
        </Cell>
      </Row>
      <tr id={detailId} hidden={!isOpen} className="border-b border-slate-200 bg-slate-50/60 dark:border-slate-800 dark:bg-slate-900/40">
        <td />
        <td colSpan={AUDIT_COLUMNS - 1} className="px-3 pt-1 pb-3">
          {isOpen && <AuditDiff entry={entry} />}
        </td>
      </tr>
    </>
  );
}
