// Which API surface a path belongs to, and a failure in that surface's own envelope. Used wherever a
// reply is made before (or instead of) a route's own wrapper: unknown paths, malformed paths, methods
// a route does not have, and the HTTP server's early refusals (scripts/serve.ts).
import { agentFailure } from "@/lib/api/agent-envelope";
import { cmdbFailure } from "@/lib/api/cmdb-envelope";
import { consoleFailure } from "@/lib/api/console-envelope";
import { esbFailure } from "@/lib/api/esb-envelope";
import type { ApiError } from "@/lib/core/errors";
import { readRequestLanguage } from "@/lib/core/i18n";
import { LANG_COOKIE, LANG_HEADER, pickUiLanguage } from "@/lib/core/ui-language";

export type TApiSurface = "console" | "esb" | "agent" | "cmdb";

export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

const GSE2_AT_ROOT = /^\/api\/v2\/proc\/(operate_proc_multi|get_proc_operate_result_v2|get_proc_status_v2|sync_proc_status)(\/|$)/;

export function surfaceOf(path: string): TApiSurface {
  if (path === "/api/console" || path.startsWith("/api/console/")) return "console";
  if (path === "/api/c" || path.startsWith("/api/c/")) return "esb";
  // the GSE 2.0 process API at the root (README, "The operation APIs"); any other /api/v2/… is the
  // CMDB API asked for a version it does not have
  if (GSE2_AT_ROOT.test(path)) return "esb";
  if (path === "/api/agent" || path.startsWith("/api/agent/")) return "agent";
  return "cmdb";
}

/** The failure reply of the surface `path` belongs to, in the language the request asks for. */
export function surfaceFailure(path: string, error: ApiError, headers: Headers): Response {
  const surface = surfaceOf(path);
  if (surface === "agent") return agentFailure(error);
  if (surface === "console") return consoleFailure(error, pickUiLanguage(headers.get(LANG_HEADER) ?? readCookie(headers, LANG_COOKIE), headers.get("accept-language")));
  const lang = readRequestLanguage(headers);
  return surface === "esb" ? esbFailure(error, lang) : cmdbFailure(error, lang);
}

function readCookie(headers: Headers, name: string): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return null;
}
