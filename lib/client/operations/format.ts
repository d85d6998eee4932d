// Durations and "how long ago" for operation pages, in the UI language.
import type { TLang } from "@/lib/core/i18n";

/** 850 ms · 5.2 s · 3 min 4 s (Chinese: 毫秒 / 秒 / 分). */
export function formatDuration(lang: TLang, ms: number): string {
  const zh = lang === "zh";
  if (ms < 1000) return zh ? `${Math.max(0, Math.round(ms))} 毫秒` : `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) {
    const seconds = (Math.round(ms / 100) / 10).toFixed(ms < 10_000 ? 1 : 0);
    return zh ? `${seconds} 秒` : `${seconds} s`;
  }
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return zh ? `${minutes} 分 ${seconds} 秒` : `${minutes} min ${seconds} s`;
}

/** "12 seconds ago", "3 分钟前": the largest whole unit. */
export function formatAgo(lang: TLang, iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  const format = new Intl.RelativeTimeFormat(lang === "zh" ? "zh-CN" : "en", { numeric: "auto" });
  if (seconds < 60) return format.format(-seconds, "second");
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), "minute");
  if (seconds < 86_400) return format.format(-Math.floor(seconds / 3600), "hour");
  return format.format(-Math.floor(seconds / 86_400), "day");
}

/** Date and time to the second: operations happen seconds apart. `timeZone`: as formatDateTime's. */
export function formatMoment(lang: TLang, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone }).format(new Date(iso));
}
