import type { TLang } from "@/lib/core/i18n";
import { MESSAGES, type TMessageKey } from "@/lib/client/i18n/messages";

export type TVars = Record<string, string | number>;

/** A UI message in `lang` with its {placeholders} filled in. */
export function translate(lang: TLang, key: TMessageKey, vars: TVars = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function formatDateTime(lang: TLang, iso: string): string {
  return new Intl.DateTimeFormat(lang === "zh" ? "zh-CN" : "en-GB", { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function formatNumber(lang: TLang, value: number): string {
  return new Intl.NumberFormat(lang === "zh" ? "zh-CN" : "en-US").format(value);
}
