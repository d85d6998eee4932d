// Runs before routing on every request except Next's own assets (/_next/…, which next.config.ts's
// headers() covers):
// - security headers on every reply, pages and API alike, errors included;
// - pages get a Content-Security-Policy with a fresh nonce: set on the request too, Next reads it
//   there and puts the nonce on its own scripts, so only scripts this server sent can run;
// - a path under /api with broken percent-encoding (…/%E0%A4%A) would otherwise get Next's
//   plain-text 500 before any route code runs; it is answered in the API's envelope here.
import { NextResponse, type NextRequest } from "next/server";
import { ApiError } from "@/lib/core/errors";
import { isApiPath, surfaceFailure } from "@/lib/api/surface-failure";
import { text } from "@/lib/core/i18n";
import { API_CSP, securityHeaders } from "@/lib/api/security-headers";

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  const isHttps = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  if (isApiPath(path)) {
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
    const reply = surfaceFailure(path, error, req.headers);
    return new NextResponse(reply.body, { status: reply.status, headers: reply.headers });
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

function withSecurityHeaders(response: NextResponse, csp: string, isHttps: boolean): NextResponse {
  for (const [name, value] of Object.entries(securityHeaders(csp, isHttps))) response.headers.set(name, value);
  return response;
}
