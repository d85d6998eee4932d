// Requests the HTTP server answers before Next sees them (scripts/serve.ts), because Next's own
// answer would leave the surface's envelope: methods no route has (TRACE gets Next's HTML 500,
// PROPFIND an empty 400), a method a route lacks (an empty 405 without Allow), OPTIONS, "/api"
// itself (Next's HTML 404), and an API path with broken percent-encoding (Next's plain-text 500).
import { ApiError } from "@/lib/core/errors";
import { isApiPath } from "@/lib/api/surface-failure";
import { text } from "@/lib/core/i18n";

export type TApiRoute = { pattern: string; segments: string[]; methods: string[] };

export type TEarlyReply =
  | { type: "failure"; error: ApiError; allow: string }
  | { type: "options"; allow: string }
  | { type: "page-method"; allow: string };

const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const PAGE_ALLOW = "GET, HEAD";

/** null: let Next answer. `rawPath` is the path as sent (still percent-encoded). */
export function decideEarlyReply(method: string, rawPath: string, routes: TApiRoute[]): TEarlyReply | null {
  const upper = method.toUpperCase();
  if (!isApiPath(rawPath)) {
    // pages only ever answer GET and HEAD; Next also accepts POST for server actions, which this app has none of
    return KNOWN_METHODS.has(upper) ? null : { type: "page-method", allow: PAGE_ALLOW };
  }
  if (rawPath === "/api" || rawPath === "/api/") {
    return { type: "failure", error: new ApiError("UNKNOWN_ROUTE", text(`${upper} ${rawPath}`, `${upper} ${rawPath}`)), allow: "" };
  }
  // "." and ".." segments (plain or %2e-encoded) would be resolved by the URL parser to some other
  // path, perhaps not an API path at all; an API client has no business sending them
  if (rawPath.split("/").some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) {
    return { type: "failure", error: new ApiError("BAD_PATH_PARAM", text("the path may not contain '.' or '..' segments", "路径中不能包含 '.' 或 '..' 段")), allow: "" };
  }
  // Next would answer its plain-text 500 before any route code runs
  if (!isDecodable(rawPath)) {
    return { type: "failure", error: new ApiError("BAD_PATH_PARAM", text("the path has malformed percent-encoding", "路径中有非法的百分号编码")), allow: "" };
  }
  const route = matchRoute(rawPath, routes);
  const allowed = route ? allowOf(route) : "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
  if (!KNOWN_METHODS.has(upper)) return notAllowed(upper, allowed);
  if (!route) return null;
  if (upper === "OPTIONS") return { type: "options", allow: allowed };
  const isAnswered = route.methods.includes(upper) || (upper === "HEAD" && route.methods.includes("GET"));
  return isAnswered ? null : notAllowed(upper, allowed);
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function notAllowed(method: string, allow: string): TEarlyReply {
  const shown = method.replace(/[^A-Z0-9_-]/g, "").slice(0, 20);
  return { type: "failure", error: new ApiError("METHOD_NOT_ALLOWED", text(`${shown} is not allowed here; allowed: ${allow}`, `此路径不支持 ${shown}，支持：${allow}`)), allow };
}

function allowOf(route: TApiRoute): string {
  const methods = [...route.methods];
  if (methods.includes("GET")) methods.splice(methods.indexOf("GET") + 1, 0, "HEAD");
  return [...methods, "OPTIONS"].join(", ");
}

/** The route Next would pick: static segments before [param] before [...catchAll], as Next ranks them. */
export function matchRoute(rawPath: string, routes: TApiRoute[]): TApiRoute | null {
  const parts = rawPath.split("/").filter(Boolean);
  let best: { route: TApiRoute; rank: number[] } | null = null;
  for (const route of routes) {
    const rank = rankMatch(route.segments, parts);
    if (rank && (!best || compareRanks(rank, best.rank) < 0)) best = { route, rank };
  }
  return best?.route ?? null;
}

// per segment: 0 static, 1 dynamic, 2 catch-all; null when the route does not match the path
function rankMatch(segments: string[], parts: string[]): number[] | null {
  const rank: number[] = [];
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    if (segment.startsWith("[...")) return parts.length > index ? [...rank, 2] : null;
    if (index >= parts.length) return null;
    if (segment.startsWith("[")) rank.push(1);
    else if (segment === parts[index]) rank.push(0);
    else return null;
  }
  return segments.length === parts.length ? rank : null;
}

function compareRanks(a: number[], b: number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const diff = (a[index] ?? -1) - (b[index] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}
