"use client";
// The rows of a task, one per (process × host): host, process, set, module, state, code with its
// readable meaning (and the agent's own words), pid, duration, and the command's output tail, shown
// under the row (open by default when it failed). Grouped by process; filtered, sorted and paged by
// task-row-toolbar.tsx (a page is ROWS_PER_PAGE rows, so a 5,000-row task renders as fast as a small one).
import { Fragment, useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { EmptyState } from "@/components/ui/notice";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { StateBadge } from "@/components/operations/state-badges";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { formatDuration } from "@/lib/client/operations/format";
import { resultMessageKey, rowState } from "@/lib/client/operations/result-codes";
import type { TRowSort } from "@/lib/client/operations/task-rows-view";
import { translateAgentMessage } from "@/lib/client/operations/agent-messages";
import type { TTaskRowView } from "@/lib/operations/get-task-detail";

const COLUMNS = 10;

type TProps = {
  bizId: number;
  taskId: string;
  /** the rows of this page, already filtered and sorted (undefined while loading) */
  rows: TTaskRowView[] | undefined;
  /** how many rows of each process the filter lets through, for the group headings */
  groupCounts: Map<string, number>;
  isGrouped: boolean;
  sort: TRowSort;
  onSort: (sort: TRowSort) => void;
};

export function TaskRows({ bizId, taskId, rows, groupCounts, isGrouped, sort, onSort }: TProps) {
  const t = useT();
  const { lang } = useLang();
  const [toggled, setToggled] = useState<Map<string, boolean>>(new Map());
  const isOpen = (row: TTaskRowView) => toggled.get(row.id) ?? (rowState(row.code) === "failed" && row.outputTail !== "");
  const nextSort: TRowSort = sort === "duration-desc" ? "duration-asc" : sort === "duration-asc" ? "row" : "duration-desc";
  const ariaSort = sort === "duration-desc" ? "descending" : sort === "duration-asc" ? "ascending" : "none";
  const linkClass = `rounded text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${FOCUS_RING}`;

  return (
    <div className="overflow-x-auto">
      <Table>
        <caption className="sr-only">{t("rowsTable", { id: taskId })}</caption>
        <TableHead>
          <tr>
            <HeaderCell>{t("hostColumn")}</HeaderCell>
            <HeaderCell>{t("processColumn")}</HeaderCell>
            <HeaderCell>{t("setColumn")}</HeaderCell>
            <HeaderCell>{t("moduleColumn")}</HeaderCell>
            <HeaderCell>{t("stateColumn")}</HeaderCell>
            <HeaderCell>{t("codeColumn")}</HeaderCell>
            <HeaderCell className="w-full">{t("messageColumn")}</HeaderCell>
            <HeaderCell>{t("pidColumn")}</HeaderCell>
            <HeaderCell className="text-right" aria-sort={ariaSort}>
              <button type="button" className={`rounded font-medium ${FOCUS_RING}`} title={t("taskSortDuration")} onClick={() => onSort(nextSort)}>
                {t("durationColumn")} {sort === "duration-desc" ? "↓" : sort === "duration-asc" ? "↑" : "↕"}
              </button>
            </HeaderCell>
            <HeaderCell>
              <span className="sr-only">{t("outputColumn")}</span>
            </HeaderCell>
          </tr>
        </TableHead>
        <tbody>
          {rows
            ? rows.map((row, index) => {
                const state = rowState(row.code);
                const open = isOpen(row);
                const outputId = `output-${row.id}`;
                const isGroupStart = isGrouped && (index === 0 || rows[index - 1].processName !== row.processName);
                return (
                  <Fragment key={row.id}>
                    {isGroupStart && (
                      <tr data-group={row.processName} className="border-b border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900">
                        <th scope="rowgroup" colSpan={COLUMNS} className="px-3 py-1.5 text-left text-xs font-semibold">
                          {row.processId !== null ? (
                            <Link className={linkClass} href={`/biz/${bizId}/processes/${row.processId}`}>
                              {row.processName}
                            </Link>
                          ) : (
                            row.processName
                          )}
                          <span className="ml-2 font-normal text-slate-500 dark:text-slate-400">{groupCounts.get(row.processName) === 1 ? t("taskGroupRowsOne") : t("taskGroupRows", { count: groupCounts.get(row.processName) ?? 0 })}</span>
                        </th>
                      </tr>
                    )}
                    <Row data-ip={row.ip} data-state={state} data-process={row.processName}>
                      <Cell className="font-mono text-xs whitespace-nowrap">
                        {row.ip}
                        {row.cloudId !== 0 && <span className="text-slate-500 dark:text-slate-400"> ({row.cloudId})</span>}
                      </Cell>
                      <Cell className="text-xs whitespace-nowrap" data-column="process">
                        {row.processName}
                      </Cell>
                      <Cell className="text-xs whitespace-nowrap">{row.setName || t("notSet")}</Cell>
                      <Cell className="text-xs whitespace-nowrap">{row.moduleName || t("notSet")}</Cell>
                      <Cell>
                        <StateBadge state={state} />
                      </Cell>
                      <Cell className="font-mono text-xs" data-column="code">
                        {row.code}
                      </Cell>
                      <Cell className="py-1.5">
                        <p className={state === "failed" ? "text-red-800 dark:text-red-300" : ""}>{t(resultMessageKey(row.code), { code: row.code })}</p>
                        {row.message && row.code !== 115 && <p className="text-xs break-all text-slate-500 dark:text-slate-400">{t("rawMessage", { message: translateAgentMessage(lang, row.message) })}</p>}
                      </Cell>
                      <Cell className="font-mono text-xs">{row.pid ?? t("notSet")}</Cell>
                      <Cell className="text-right text-xs whitespace-nowrap" data-column="duration">
                        {row.durationMs !== null ? formatDuration(lang, row.durationMs) : t("notSet")}
                      </Cell>
                      <Cell>
                        {row.outputTail !== "" && (
                          <Button size="sm" variant="ghost" aria-expanded={open} aria-controls={outputId} onClick={() => setToggled(new Map(toggled).set(row.id, !open))}>
                            {open ? t("hideOutput") : t("showOutput")}
                          </Button>
                        )}
                      </Cell>
                    </Row>
                    {row.outputTail !== "" && (
                      <tr id={outputId} hidden={!open} className="border-b border-slate-100 dark:border-slate-800">
                        <td colSpan={COLUMNS} className="px-3 pb-2">
                          <pre aria-label={t("outputOf", { ip: row.ip })} className="max-h-64 overflow-auto rounded bg-slate-950 p-2 font-mono text-xs whitespace-pre-wrap text-slate-100 dark:bg-black">
                            {row.outputTail}
                          </pre>
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })
            : <SkeletonRows rows={3} columns={COLUMNS} />}
        </tbody>
      </Table>
      {rows && rows.length === 0 && <EmptyState title={t("taskNoRowsMatch")} />}
    </div>
  );
}
