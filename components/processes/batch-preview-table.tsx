"use client";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { columnLabel, formatAttributeValue } from "@/lib/client/processes/format-attribute";
import type { TBatchPreviewRow } from "@/lib/processes/preview-batch-update";

/** Per process: each attribute before → after, or "no change". */
export function BatchPreviewTable({ rows }: { rows: TBatchPreviewRow[] }) {
  const t = useT();
  const { lang } = useLang();
  const changing = rows.filter((row) => row.changes.length).length;
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium">
        {t("previewTitle")} · {t("changeCount", { count: changing, total: rows.length })}
      </p>
      <div className="max-h-96 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
        <Table>
          <TableHead>
            <tr>
              <HeaderCell>{t("processColumn")}</HeaderCell>
              <HeaderCell>{t("changeColumn")}</HeaderCell>
            </tr>
          </TableHead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.bk_process_id} data-process={row.bk_process_name}>
                <Cell className="align-top font-medium">{row.bk_process_name}</Cell>
                <Cell>
                  {row.changes.length === 0 ? (
                    <span className="text-slate-400">{t("noChange")}</span>
                  ) : (
                    <ul className="space-y-0.5 text-xs">
                      {row.changes.map((change) => (
                        <li key={change.field}>
                          <span className="text-slate-500 dark:text-slate-400">{columnLabel(change.field, lang)}: </span>
                          <span className="font-mono">{formatAttributeValue(change.field, change.before, lang)}</span>
                          <span> → </span>
                          <span className="font-mono font-semibold">{formatAttributeValue(change.field, change.after, lang)}</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </Cell>
              </Row>
            ))}
          </tbody>
        </Table>
      </div>
    </div>
  );
}
