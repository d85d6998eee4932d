import { cookies, headers } from "next/headers";
import type { TLang } from "@/lib/core/i18n";
import { LANG_COOKIE, pickUiLanguage } from "@/lib/core/ui-language";

/** The UI language of a server-rendered page: the remembered choice, else the browser's. */
export async function readPageLanguage(): Promise<TLang> {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  return pickUiLanguage(cookieStore.get(LANG_COOKIE)?.value, headerList.get("accept-language"));
}
