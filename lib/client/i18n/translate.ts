// translate(): a message in either language, from the whole dictionary. For server components and
// tests; browser code translates through useT() (lib/client/i18n/lang-context.tsx), which holds only
// the language in use, so the dictionaries stay out of the pages' JavaScript.
import type { TLang } from "@/lib/core/i18n";
import { fillMessage, type TVars } from "@/lib/client/i18n/fill-message";
import { MESSAGES, type TMessageKey } from "@/lib/client/i18n/messages";

export { formatDateTime, formatNumber, type TVars } from "@/lib/client/i18n/fill-message";

/** A UI message in `lang` with its {placeholders} filled in. */
export function translate(lang: TLang, key: TMessageKey, vars: TVars = {}): string {
  return fillMessage(MESSAGES[key][lang], vars);
}

/** Every message in one language: what a page hands to the browser's LangProvider. */
export function messagesIn(lang: TLang): TLangMessages {
  return Object.fromEntries(Object.entries(MESSAGES).map(([key, text]) => [key, text[lang]])) as TLangMessages;
}

export type TLangMessages = Record<TMessageKey, string>;
