// For server components: the signed-in user, or a redirect to /sign-in that comes back to `returnTo`.
// Every page of the console calls requirePageSession (a unit test checks that each page does).
import { cache } from "react";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { readSession, type TSession } from "@/lib/access/read-session";
import { SESSION_COOKIE } from "@/lib/access/cookie-names";

/** Once per request: the layouts and the page all ask, the database is read once. */
export const readPageSession = cache(async (): Promise<TSession | null> => readSession((await cookies()).get(SESSION_COOKIE)?.value));

export async function requirePageSession(returnTo: string): Promise<TSession> {
  const session = await readPageSession();
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(returnTo)}`);
  return session;
}

/** The path and query of a page, for requirePageSession's way back. */
export function pagePath(path: string, searchParams: Record<string, string | string[] | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, item);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
