export type TLang = "zh" | "en";
export type TLocalText = { en: string; zh: string };

export function text(en: string, zh: string): TLocalText {
  return { en, zh };
}

/** BlueKing clients send `HTTP_BLUEKING_LANGUAGE: en`; browsers send Accept-Language. Chinese is the default. */
export function readRequestLanguage(headers: Headers): TLang {
  const blueking = headers.get("http_blueking_language") ?? headers.get("blueking-language");
  if (blueking) return blueking.toLowerCase().startsWith("en") ? "en" : "zh";
  const accept = headers.get("accept-language");
  return accept?.toLowerCase().startsWith("en") ? "en" : "zh";
}
