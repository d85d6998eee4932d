import { cookies } from "next/headers";
import { FALLBACK_TIME_ZONE, isTimeZone, TIME_ZONE_COOKIE } from "@/lib/core/ui-time-zone";

/** The time zone a server-rendered page shows times in: the one the browser remembered, else UTC. */
export async function readPageTimeZone(): Promise<string> {
  const value = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return isTimeZone(value) ? value : FALLBACK_TIME_ZONE;
}
