/** Where to go after signing in: a path of this site only (never //host or a full URL elsewhere). */
export function safeReturnPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/sign-in")) return fallback;
  return next;
}
