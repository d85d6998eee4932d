"use client";
// The preview of a CSV import: one row per line with what would happen to the host, or why the line
// cannot be imported. Error rows come first so they are seen without scrolling.
import { Badge } from "@/components/ui/badge";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { showPlacementLabel, showPlacementLabels } from "@/lib/client/topology/idle-pool-names";
import type { TImportLine, TImportPlan, TImportStatus } from "@/lib/topology/plan-host-import";

const STATUS_TONES: Record<TImportStatus, "green" | "neutral" | "blue" | "amber"> = { new: "green", unchanged: "neutral", move: "blue", rename: "amber" };
const STATUS_LABELS = { new: "topoStatusNew", unchanged: "topoStatusUnchanged", move: "topoStatusMove", rename: "topoStatusRename" } as const;

export function ImportPreviewTable({ plan }: { plan: TImportPlan }) {
  const t = useT();
  const { lang } = useLang();
  const rows = [...plan.lines].sort((a, b) => Number(Boolean(b.error)) - Number(Boolean(a.error)) || a.line - b.line);
  return (
    <div className="max-h-[45vh] overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
      <Table>
        <caption className="sr-only">{t("topoPreviewCaption")}</caption>
        <TableHead>
          <tr>
            <HeaderCell className="w-14 text-right">{t("topoLineColumn")}</HeaderCell>
            <HeaderCell>{t("ipColumn")}</HeaderCell>
            <HeaderCell>{t("cloudColumn")}</HeaderCell>
            <HeaderCell>{t("hostNameColumn")}</HeaderCell>
            <HeaderCell>{t("topoResultColumn")}</HeaderCell>
          </tr>
        </TableHead>
        <tbody>
          {rows.map((line) => (
            <Row key={line.line} data-line={line.line} data-status={line.error ? "error" : line.status} className={line.error ? "bg-red-50/60 dark:bg-red-950/30" : ""}>
              <Cell className="text-right text-xs text-slate-500 dark:text-slate-400">{line.line}</Cell>
              <Cell className="font-mono text-xs">{line.ip || t("notSet")}</Cell>
              <Cell className="text-xs">{line.cloudId || "0"}</Cell>
              <Cell className="text-xs">{line.hostName || t("notSet")}</Cell>
              <Cell className="text-xs">{line.error ? <span className="text-red-700 dark:text-red-300">{line.error[lang]}</span> : <LineOutcome line={line} />}</Cell>
            </Row>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function LineOutcome({ line }: { line: TImportLine }) {
  const t = useT();
  const { lang } = useLang();
  if (!line.status) return null;
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <Badge tone={STATUS_TONES[line.status]}>{t(STATUS_LABELS[line.status])}</Badge>
      {line.status === "move" && line.from.length > 0 && <span className="text-slate-500 dark:text-slate-400">{showPlacementLabels(lang, line.from)} →</span>}
      {line.to !== null && <span>{showPlacementLabel(lang, line.to)}</span>}
      {line.hostNameFrom !== null && <span className="text-slate-500 dark:text-slate-400">{t("topoHostNameChange", { from: line.hostNameFrom || t("notSet"), to: line.hostName })}</span>}
    </span>
  );
}
