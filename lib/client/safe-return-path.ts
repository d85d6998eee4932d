// Where to go after signing in. Browsers drop tab, CR and LF from URLs and read "\" as "/", so
// "/\t/evil.example" or "/\\evil.example" are really "//evil.example": a protocol-relative link to
// another site. Control characters and backslashes are refused outright, and what is left must still
// resolve to this origin once a browser has parsed it.
const PROBE_ORIGIN = "http://procdeck.invalid";

/** A path of this site only (never //host, a full URL elsewhere, or a way back to sign-in). */
export function safeReturnPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || !next.startsWith("/") || next.startsWith("//")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let resolved: URL;
  try {
    resolved = new URL(next, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (resolved.origin !== PROBE_ORIGIN || resolved.pathname.startsWith("//")) return fallback;
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  if (path === "/sign-in" || path.startsWith("/sign-in?") || path.startsWith("/sign-in/") || path.startsWith("/sign-in#")) return fallback;
  return path;
}
