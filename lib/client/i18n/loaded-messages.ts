// The messages the browser has of each language: the one the server rendered in (LangProvider puts it
// here before anything renders) and any loaded by switching. Every page sends the same dictionary for a
// language, so one copy per language serves every render.
import type { TLang } from "@/lib/core/i18n";
import { fillMessage, type TVars } from "@/lib/client/i18n/fill-message";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import type { TLangMessages } from "@/lib/client/i18n/translate";

const loaded: Partial<Record<TLang, TLangMessages>> = {};

export function rememberMessages(lang: TLang, messages: TLangMessages): void {
  loaded[lang] ??= messages;
}

/** The message, or its key while the language is not loaded (never the case once LangProvider rendered). */
export function lookupMessage(lang: TLang, key: TMessageKey): string {
  return loaded[lang]?.[key] ?? key;
}

/** translate() for browser code outside components (formatters given a language). */
export function translateLoaded(lang: TLang, key: TMessageKey, vars?: TVars): string {
  return fillMessage(lookupMessage(lang, key), vars);
}
