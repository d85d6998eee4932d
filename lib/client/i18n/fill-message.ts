// Filling a message's {placeholders}, and formatting numbers and dates for the UI language: free of
// the dictionaries, so browser code can use them without loading every message in both languages.
import type { TLang } from "@/lib/core/i18n";

export type TVars = Record<string, string | number>;

export function fillMessage(message: string, vars: TVars = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** `timeZone`: useTimeZone()'s in server-rendered components (the server's own zone is not the browser's). */
export function formatDateTime(lang: TLang, iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

export function formatNumber(lang: TLang, value: number): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US").format(value);
}
