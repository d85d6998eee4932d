"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { Skeleton } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, STICKY_CELL, STICKY_HEADER_CELL, Table, TableHead } from "@/components/ui/table";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { columnLabel, formatAttributeValue } from "@/lib/client/processes/format-attribute";
import type { TProcessListRow } from "@/lib/processes/browse-processes";
import { LIST_COLUMNS, MODULES_COLUMN, readSortState, SORTABLE_COLUMNS, toggleSort } from "@/lib/processes/process-list-view";

type TTableProps = {
  bizId: number;
  caption: string;
  columns: string[];
  rows: TProcessListRow[] | undefined;
  skeletonRows: number;
  sort: string;
  /** a checkbox column for Batch edit (only for those who may edit) */
  isSelectable: boolean;
  onSort: (sort: string) => void;
  selected: Set<number>;
  onSelect: (ids: number[], isSelected: boolean) => void;
  /** a column shown first (the live state), filled by the caller */
  leadColumn?: { header: string; render: (row: TProcessListRow) => ReactNode };
};

const MONO_COLUMNS = new Set(["bk_process_id", "port", "work_path", "start_cmd", "stop_cmd", "restart_cmd", "face_stop_cmd", "reload_cmd", "pid_file", "bk_start_param_regex"]);

export function ProcessTable({ bizId, caption, columns, rows, skeletonRows, sort, isSelectable, onSort, selected, onSelect, leadColumn }: TTableProps) {
  const t = useT();
  const { lang } = useLang();
  const shown = LIST_COLUMNS.filter((column) => columns.includes(column));
  const pageIds = rows?.map((row) => row.bk_process_id) ?? [];
  const selectedOnPage = pageIds.filter((id) => selected.has(id)).length;

  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <TableHead>
        <tr>
          {isSelectable && (
            <HeaderCell className="w-8">
              <Checkbox
                aria-label={t("selectAllOnPage")}
                checked={pageIds.length > 0 && selectedOnPage === pageIds.length}
                ref={(element) => {
                  if (element) element.indeterminate = selectedOnPage > 0 && selectedOnPage < pageIds.length;
                }}
                disabled={!pageIds.length}
                onChange={(event) => onSelect(pageIds, event.target.checked)}
              />
            </HeaderCell>
          )}
          {leadColumn && <HeaderCell>{leadColumn.header}</HeaderCell>}
          {shown.map((column) => {
            const state = readSortState(sort, column);
            const label = columnLabel(column, lang);
            return (
              <HeaderCell key={column} aria-sort={SORTABLE_COLUMNS.includes(column) ? state : undefined} className={column === "bk_process_name" ? STICKY_HEADER_CELL : ""}>
                {SORTABLE_COLUMNS.includes(column) ? (
                  <button type="button" onClick={() => onSort(toggleSort(sort, column))} className={`-mx-1 inline-flex items-center gap-1 rounded px-1 hover:text-slate-900 dark:hover:text-slate-100 ${FOCUS_RING}`}>
                    {label}
                    <span aria-hidden className={state === "none" ? "text-slate-300 dark:text-slate-600" : "text-blue-600 dark:text-blue-400"}>
                      {state === "descending" ? "↓" : state === "ascending" ? "↑" : "↕"}
                    </span>
                    {state !== "none" && <span className="sr-only">({t(state === "ascending" ? "sortAscending" : "sortDescending")})</span>}
                  </button>
                ) : (
                  label
                )}
              </HeaderCell>
            );
          })}
        </tr>
      </TableHead>
      <tbody>
        {rows
          ? rows.map((row) => (
              <Row key={row.bk_process_id} className={selected.has(row.bk_process_id) ? "bg-blue-50/70 dark:bg-blue-950/40" : ""}>
                {isSelectable && (
                  <Cell>
                    <Checkbox aria-label={t("selectRow", { name: row.bk_process_name })} checked={selected.has(row.bk_process_id)} onChange={(event) => onSelect([row.bk_process_id], event.target.checked)} />
                  </Cell>
                )}
                {leadColumn && <Cell data-column="live-state">{leadColumn.render(row)}</Cell>}
                {shown.map((column) => (
                  <Cell key={column} className={`${MONO_COLUMNS.has(column) && row[column] !== "" && row[column] !== null ? "font-mono text-xs" : ""} ${column === "bk_process_name" ? STICKY_CELL : ""}`}>
                    <ProcessCell bizId={bizId} column={column} row={row} />
                  </Cell>
                ))}
              </Row>
            ))
          : Array.from({ length: skeletonRows }, (_, index) => (
              <Row key={index}>
                {isSelectable && (
                  <Cell>
                    <Skeleton className="size-4" />
                  </Cell>
                )}
                {[...(leadColumn ? ["__lead"] : []), ...shown].map((column) => (
                  <Cell key={column}>
                    <Skeleton className="h-4 w-full max-w-32" />
                  </Cell>
                ))}
              </Row>
            ))}
      </tbody>
    </Table>
  );
}

function ProcessCell({ bizId, column, row }: { bizId: number; column: string; row: TProcessListRow }) {
  const { lang } = useLang();
  if (column === "bk_process_name") {
    return (
      <Link href={`/biz/${bizId}/processes/${row.bk_process_id}`} className={`rounded font-medium text-blue-700 hover:underline dark:text-blue-400 ${FOCUS_RING}`}>
        {row.bk_process_name}
      </Link>
    );
  }
  if (column === MODULES_COLUMN) {
    if (!row.modules?.length) return <span className="text-slate-400">{formatAttributeValue(column, null, lang)}</span>;
    return (
      <span className="flex flex-wrap gap-1">
        {row.modules.map((name) => (
          <Badge key={name} tone="blue">
            {name}
          </Badge>
        ))}
      </span>
    );
  }
  const text = formatAttributeValue(column, row[column], lang);
  return (
    <span className={`block max-w-72 truncate ${row[column] === null || row[column] === "" ? "text-slate-400" : ""}`} title={text.length > 40 ? text : undefined}>
      {text}
    </span>
  );
}
