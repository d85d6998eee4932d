"use client";
// The UI language for client components: given by the server (cookie or browser), switchable in the
// header and remembered in a cookie, so the next page load renders in it from the start.
// The server also hands over the messages of that one language (the dictionaries of both languages are
// large); switching loads the other language's once, then shows it.
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { TLang } from "@/lib/core/i18n";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import { fillMessage, type TVars } from "@/lib/client/i18n/fill-message";
import { lookupMessage, rememberMessages } from "@/lib/client/i18n/loaded-messages";
import type { TLangMessages } from "@/lib/client/i18n/translate";
import { writeCookie } from "@/lib/client/read-cookie";
import { LANG_COOKIE } from "@/lib/core/ui-language";

type TLangContext = { lang: TLang; setLang: (lang: TLang) => void };

const LangContext = createContext<TLangContext>({ lang: "en", setLang: () => {} });

async function loadMessages(lang: TLang): Promise<void> {
  const { MESSAGES } = await import("@/lib/client/i18n/messages");
  rememberMessages(lang, Object.fromEntries(Object.entries(MESSAGES).map(([key, text]) => [key, text[lang]])) as TLangMessages);
}

export function LangProvider({ initialLang, messages, children }: { initialLang: TLang; messages: TLangMessages; children: React.ReactNode }) {
  // before any child renders: the language the server rendered in is there at once
  rememberMessages(initialLang, messages);
  const [lang, setLangState] = useState(initialLang);
  const setLang = useCallback((next: TLang) => {
    writeCookie(LANG_COOKIE, next);
    document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
    void loadMessages(next).then(() => setLangState(next));
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): TLangContext {
  return useContext(LangContext);
}

/** t("key", {vars}) in the current UI language. */
export function useT() {
  const { lang } = useLang();
  return useCallback((key: TMessageKey, vars?: TVars) => fillMessage(lookupMessage(lang, key), vars), [lang]);
}
