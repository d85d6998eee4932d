"use client";
// done/total as a bar: succeeded (green) and failed (red) segments, the rest still running.
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { formatNumber } from "@/lib/client/i18n/fill-message";
import type { TTaskDetail } from "@/lib/operations/get-task-detail";

export function TaskProgress({ progress }: { progress: TTaskDetail["progress"] }) {
  const t = useT();
  const { lang } = useLang();
  const { total, done, succeeded, failed } = progress;
  const percent = (count: number) => (total ? (count / total) * 100 : 0);
  const label = t("progressText", { done: formatNumber(lang, done), total: formatNumber(lang, total), succeeded: formatNumber(lang, succeeded), failed: formatNumber(lang, failed) });
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={t("progressLabel")}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={label}
        className="flex h-2.5 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-full bg-emerald-500 transition-[width] duration-500 dark:bg-emerald-400" style={{ width: `${percent(succeeded)}%` }} />
        <div className="h-full bg-red-500 transition-[width] duration-500 dark:bg-red-400" style={{ width: `${percent(failed)}%` }} />
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">{label}</p>
    </div>
  );
}
