// The time zone the console shows times in: the browser's. Its script remembers the zone in a cookie,
// so the server renders a page's times as the browser will (a page rendered in another zone than the
// browser's would not hydrate: React throws the server's HTML away). Browser-safe.
export const TIME_ZONE_COOKIE = "procdeck_tz";
/** before the browser has said (its very first page): the server renders UTC, the browser then its own */
export const FALLBACK_TIME_ZONE = "UTC";

/** An IANA zone name this runtime knows ("Asia/Shanghai", "UTC"); anything else is not used. */
export function isTimeZone(value: unknown): value is string {
  if (typeof value !== "string" || value.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
