// The console's UI language: chosen in the header (remembered in a cookie), else the browser's.
// Browser-safe. The CMDB/ESB APIs keep their own rule (lib/core/i18n.ts: Chinese unless asked for English).
import type { TLang } from "@/lib/core/i18n";

export const LANG_COOKIE = "procdeck_lang";
export const LANG_HEADER = "x-procdeck-lang";

export function isLang(value: unknown): value is TLang {
  return value === "en" || value === "zh";
}

export function pickUiLanguage(chosen: string | null | undefined, acceptLanguage: string | null | undefined): TLang {
  if (isLang(chosen)) return chosen;
  return acceptLanguage?.trim().toLowerCase().startsWith("zh") ? "zh" : "en";
}
