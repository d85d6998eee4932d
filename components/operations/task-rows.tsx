"use client";
// The rows of a task, one per host: state, code with its readable meaning (and the agent's own words),
// pid, duration, and the command's output tail, shown under the row (open by default when it failed).
import { Fragment, useState } from "react";
import { Button } from "@/components/ui/button";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { StateBadge } from "@/components/operations/state-badges";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { formatDuration } from "@/lib/client/operations/format";
import { resultMessageKey, rowState } from "@/lib/client/operations/result-codes";
import { translateAgentMessage } from "@/lib/client/operations/agent-messages";
import type { TTaskRowView } from "@/lib/operations/get-task-detail";

const COLUMNS = 7;

export function TaskRows({ taskId, rows }: { taskId: string; rows: TTaskRowView[] | undefined }) {
  const t = useT();
  const { lang } = useLang();
  const [toggled, setToggled] = useState<Map<string, boolean>>(new Map());
  const isOpen = (row: TTaskRowView) => toggled.get(row.id) ?? (rowState(row.code) === "failed" && row.outputTail !== "");

  return (
    <div className="overflow-x-auto">
      <Table>
        <caption className="sr-only">{t("rowsTable", { id: taskId })}</caption>
        <TableHead>
          <tr>
            <HeaderCell>{t("hostColumn")}</HeaderCell>
            <HeaderCell>{t("stateColumn")}</HeaderCell>
            <HeaderCell>{t("codeColumn")}</HeaderCell>
            <HeaderCell className="w-full">{t("messageColumn")}</HeaderCell>
            <HeaderCell>{t("pidColumn")}</HeaderCell>
            <HeaderCell className="text-right">{t("durationColumn")}</HeaderCell>
            <HeaderCell>
              <span className="sr-only">{t("outputColumn")}</span>
            </HeaderCell>
          </tr>
        </TableHead>
        <tbody>
          {rows
            ? rows.map((row) => {
                const state = rowState(row.code);
                const open = isOpen(row);
                const outputId = `output-${row.id}`;
                return (
                  <Fragment key={row.id}>
                    <Row data-ip={row.ip} data-state={state}>
                      <Cell className="font-mono text-xs whitespace-nowrap">
                        {row.ip}
                        {row.cloudId !== 0 && <span className="text-slate-500 dark:text-slate-400"> ({row.cloudId})</span>}
                      </Cell>
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
                      <Cell className="text-right text-xs whitespace-nowrap">{row.durationMs !== null ? formatDuration(lang, row.durationMs) : t("notSet")}</Cell>
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
    </div>
  );
}
