"use client";
// The time zone for client components' dates (lib/core/ui-time-zone.ts). While hydrating, the zone the
// server rendered in, so the HTML is taken over as it is; right after, the browser's own (the same one
// once its cookie is there, so nothing changes on screen).
import { createContext, useContext, useEffect, useSyncExternalStore } from "react";
import { readCookie, writeCookie } from "@/lib/client/read-cookie";
import { FALLBACK_TIME_ZONE, TIME_ZONE_COOKIE } from "@/lib/core/ui-time-zone";

const TimeZoneContext = createContext<string>(FALLBACK_TIME_ZONE);

const subscribe = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || FALLBACK_TIME_ZONE;

export function TimeZoneProvider({ initialTimeZone, children }: { initialTimeZone: string; children: React.ReactNode }) {
  const timeZone = useSyncExternalStore(subscribe, browserTimeZone, () => initialTimeZone);
  useEffect(() => {
    const zone = browserTimeZone();
    if (readCookie(TIME_ZONE_COOKIE) !== zone) writeCookie(TIME_ZONE_COOKIE, zone);
  }, []);
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** The IANA zone to format dates in (formatMoment, formatDateTime). */
export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
