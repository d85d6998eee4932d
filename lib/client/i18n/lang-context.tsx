"use client";
// The UI language for client components: given by the server (cookie or browser), switchable in the
// header and remembered in a cookie, so the next page load renders in it from the start.
import { createContext, useCallback, useContext, useMemo, useState } from "react";
import type { TLang } from "@/lib/core/i18n";
import type { TMessageKey } from "@/lib/client/i18n/messages";
import { translate, type TVars } from "@/lib/client/i18n/translate";
import { writeCookie } from "@/lib/client/read-cookie";
import { LANG_COOKIE } from "@/lib/core/ui-language";

type TLangContext = { lang: TLang; setLang: (lang: TLang) => void };

const LangContext = createContext<TLangContext>({ lang: "en", setLang: () => {} });

export function LangProvider({ initialLang, children }: { initialLang: TLang; children: React.ReactNode }) {
  const [lang, setLangState] = useState(initialLang);
  const setLang = useCallback((next: TLang) => {
    writeCookie(LANG_COOKIE, next);
    document.documentElement.lang = next === "zh" ? "zh-CN" : "en";
    setLangState(next);
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
  return useCallback((key: TMessageKey, vars?: TVars) => translate(lang, key, vars), [lang]);
}
