"use client";
// Above a task's rows: which rows (all / running / succeeded / failed, each with its count), an IP
// search, and copying IPs to the clipboard — all of them, the failed ones, or those shown — one a line.
import { Button } from "@/components/ui/button";
import { FilterInput } from "@/components/ui/filter-field";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import { formatNumber } from "@/lib/client/i18n/translate";
import { ROW_FILTERS, type TRowFilter, type TTaskRowsView } from "@/lib/client/operations/task-rows-view";
import { useToast } from "@/lib/client/toast";

const FILTER_LABELS: Record<TRowFilter, TMessageKey> = { all: "taskFilterAll", running: "taskFilterRunning", succeeded: "taskFilterSucceeded", failed: "taskFilterFailed" };

type TProps = {
  view: TTaskRowsView;
  counts: Record<TRowFilter, number>;
  onViewChange: (change: Partial<TTaskRowsView>, mode?: "push" | "replace") => void;
  /** newline-separated IPs for each copy button */
  ips: { all: string; failed: string; shown: string };
};

export function TaskRowToolbar({ view, counts, onViewChange, ips }: TProps) {
  const t = useT();
  const { lang } = useLang();
  const { showToast } = useToast();
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      const count = text ? text.split("\n").length : 0;
      showToast(count === 1 ? t("taskCopiedOne") : t("taskCopied", { count: formatNumber(lang, count) }));
    } catch (error) {
      showToast(t("taskCopyError", { message: error instanceof Error ? error.message : String(error) }), "error");
    }
  };

  return (
    <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-2 dark:border-slate-800">
      <div role="group" aria-label={t("taskFilterState")} className="flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-700">
        {ROW_FILTERS.map((filter) => (
          <button
            key={filter}
            type="button"
            aria-pressed={view.state === filter}
            data-row-filter={filter}
            onClick={() => onViewChange({ state: filter, page: 1 })}
            className={`px-2.5 py-1.5 text-xs font-medium focus-visible:outline-2 focus-visible:outline-blue-500 ${
              view.state === filter ? "bg-blue-600 text-white dark:bg-blue-500" : "bg-white text-slate-700 hover:bg-slate-50 dark:bg-slate-900 dark:text-slate-300 dark:hover:bg-slate-800"
            }`}
          >
            {t(FILTER_LABELS[filter], { count: formatNumber(lang, counts[filter]) })}
          </button>
        ))}
      </div>
      <FilterInput label={t("taskIpSearch")} placeholder={t("taskIpSearchPlaceholder")} value={view.ip} onChange={(ip) => onViewChange({ ip, page: 1 }, "replace")} />
      <div className="ml-auto flex flex-wrap gap-1.5">
        <Button size="sm" onClick={() => copy(ips.all)} disabled={!ips.all}>
          {t("taskCopyAll")}
        </Button>
        <Button size="sm" onClick={() => copy(ips.failed)} disabled={!ips.failed}>
          {t("taskCopyFailed")}
        </Button>
        <Button size="sm" onClick={() => copy(ips.shown)} disabled={!ips.shown}>
          {t("taskCopyShown")}
        </Button>
      </div>
    </div>
  );
}
