"use client";
// Page controls under a server-paged list (processes, task history): which rows are shown, rows per page,
// page n of m, previous / next. A size change goes back to page 1, where the first rows still are.
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { formatNumber } from "@/lib/client/i18n/fill-message";

type TPaginationProps = { page: number; size: number; total: number; sizes: readonly number[]; onChange: (change: { page?: number; size?: number }) => void };

export function Pagination({ page, size, total, sizes, onChange }: TPaginationProps) {
  const t = useT();
  const { lang } = useLang();
  const pages = Math.max(1, Math.ceil(total / size));
  const from = total === 0 ? 0 : (page - 1) * size + 1;
  const to = Math.min(total, page * size);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-xs text-slate-600 dark:text-slate-400">
      <p aria-live="polite">{total > 0 && t("showing", { from: formatNumber(lang, from), to: formatNumber(lang, to), total: formatNumber(lang, total) })}</p>
      <div className="flex items-center gap-3">
        <label className="flex items-center gap-1.5">
          {t("pageSize")}
          <Select className="w-20!" value={size} onChange={(event) => onChange({ size: Number(event.target.value), page: 1 })}>
            {sizes.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </Select>
        </label>
        <span>{t("pageOf", { page: formatNumber(lang, page), pages: formatNumber(lang, pages) })}</span>
        <div className="flex gap-1">
          <Button size="sm" onClick={() => onChange({ page: page - 1 })} disabled={page <= 1} aria-label={t("previousPage")}>
            <span aria-hidden>‹</span>
          </Button>
          <Button size="sm" onClick={() => onChange({ page: page + 1 })} disabled={page >= pages} aria-label={t("nextPage")}>
            <span aria-hidden>›</span>
          </Button>
        </div>
      </div>
    </div>
  );
}
