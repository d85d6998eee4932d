"use client";
import { Checkbox } from "@/components/ui/checkbox";
import { Popover } from "@/components/ui/popover";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { columnLabel } from "@/lib/client/processes/format-attribute";
import { LIST_COLUMNS } from "@/lib/processes/process-list-view";

/** Chooses the visible columns; the name column always stays. */
export function ColumnPicker({ columns, onChange }: { columns: string[]; onChange: (columns: string[]) => void }) {
  const t = useT();
  const { lang } = useLang();
  const toggle = (column: string, isShown: boolean) => {
    const next = new Set(columns);
    if (isShown) next.add(column);
    else next.delete(column);
    onChange(LIST_COLUMNS.filter((candidate) => next.has(candidate)));
  };
  return (
    <Popover label={t("columns")} align="right">
      <fieldset>
        <legend className="mb-1 px-1 text-xs font-medium text-slate-500 dark:text-slate-400">{t("columnsHint")}</legend>
        <div className="grid max-h-96 w-[26rem] grid-cols-2 gap-x-3 overflow-y-auto">
          {LIST_COLUMNS.map((column) => (
            <label key={column} className="flex min-w-0 items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
              <Checkbox checked={columns.includes(column)} disabled={column === "bk_process_name"} onChange={(event) => toggle(column, event.target.checked)} />
              <span className="truncate">{columnLabel(column, lang)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </Popover>
  );
}
