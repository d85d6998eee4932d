"use client";
// A point in time as "3 minutes ago" (the exact time in the tooltip), or a dash when there is none.
import { useLang, useT } from "@/lib/client/i18n/lang-context";
import { useTimeZone } from "@/lib/client/i18n/time-zone-context";
import { formatAgo, formatMoment } from "@/lib/client/operations/format";
import { useNow } from "@/lib/client/use-now";

export function Moment({ iso, fallbackKey = "notSet" }: { iso: string | null; fallbackKey?: "notSet" | "adminNever" }) {
  const t = useT();
  const { lang } = useLang();
  const timeZone = useTimeZone();
  const now = useNow();
  if (!iso) return <span className="text-slate-500 dark:text-slate-400">{t(fallbackKey)}</span>;
  return (
    <time dateTime={iso} title={formatMoment(lang, iso, timeZone)} className="whitespace-nowrap">
      {now === null ? formatMoment(lang, iso, timeZone) : formatAgo(lang, iso, now)}
    </time>
  );
}
