// Runs before routing on every request except Next's own assets (/_next/…, which next.config.ts's
// headers() covers):
// - security headers on every reply, pages and API alike, errors included;
// - pages get a Content-Security-Policy with a fresh nonce: set on the request too, Next reads it
//   there and puts the nonce on its own scripts, so only scripts this server sent can run;
// - a path under /api with broken percent-encoding (…/%E0%A4%A) would otherwise get Next's
//   plain-text 500 before any route code runs; it is answered in the API's envelope here.
import { NextResponse, type NextRequest } from "next/server";
import { cmdbFailure } from "@/lib/api/cmdb-envelope";
import { esbFailure } from "@/lib/api/esb-envelope";
import { ApiError } from "@/lib/core/errors";
import { readRequestLanguage, text } from "@/lib/core/i18n";

/** JSON and CSV replies load nothing and are never framed */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const HSTS = "max-age=63072000; includeSubDomains";

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  const isHttps = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  if (path === "/api" || path.startsWith("/api/")) {
    return withSecurityHeaders(malformedPathReply(req) ?? NextResponse.next(), API_CSP, isHttps);
  }
  const csp = pageCsp(createNonce(), isHttps);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, isHttps);
}

export const config = { matcher: "/((?!_next/).*)" };

function malformedPathReply(req: NextRequest): NextResponse | null {
  const path = req.nextUrl.pathname;
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    const error = new ApiError("BAD_PATH_PARAM", text("the path has malformed percent-encoding", "路径中有非法的百分号编码"));
    const lang = readRequestLanguage(req.headers);
    return path.startsWith("/api/c/") ? esbFailure(error, lang) : cmdbFailure(error, lang);
  }
}

/**
 * Scripts: only those carrying this request's nonce, and what they load ('strict-dynamic'); `next
 * dev` also needs eval for React's debugging aids. Styles may be inline: React sets style attributes
 * and Next inlines CSS; a style cannot run code.
 */
function pageCsp(nonce: string, isHttps: boolean): string {
  const isDev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

// The headers that do not depend on the request are also set by next.config.ts for Next's assets;
// setting them here as well covers the replies this proxy makes itself.
function withSecurityHeaders(response: NextResponse, csp: string, isHttps: boolean): NextResponse {
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
  response.headers.set("cross-origin-opener-policy", "same-origin");
  // only over https: sent over plain http it would be ignored at best, and pin a dev host at worst
  if (isHttps) response.headers.set("strict-transport-security", HSTS);
  return response;
}
