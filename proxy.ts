// Runs before routing on every page request (not on Next's own assets, /_next/…, which next.config.ts's
// headers() covers, and not under /api):
// - security headers on every reply, errors included;
// - a Content-Security-Policy with a fresh nonce: set on the request too, Next reads it there and puts
//   the nonce on its own scripts, so only scripts this server sent can run.
// API replies get their headers, and their envelope for a malformed path, from the HTTP server in
// front of Next (scripts/serve.ts, lib/api/early-reply.ts): a proxy pass there cost every API call
// CPU and, for a request with a body, a buffered copy of it (an operation to 10,000 hosts sends 8 MB).
import { NextResponse, type NextRequest } from "next/server";
import { securityHeaders } from "@/lib/api/security-headers";

export function proxy(req: NextRequest) {
  const isHttps = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  const csp = pageCsp(createNonce(), isHttps);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, isHttps);
}

export const config = { matcher: "/((?!_next/|api(?:/|$)).*)" };

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
