// The security headers every reply carries, in one place for proxy.ts (per request, with the page
// CSP's nonce) and scripts/serve.ts (a baseline set before Next runs, so even replies Next makes
// before any route or proxy code, such as its redirect of "//" paths, carry them).

/** JSON and CSV replies load nothing and are never framed */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
export const HSTS = "max-age=63072000; includeSubDomains";

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "cross-origin-opener-policy": "same-origin",
};

/** Every security header for a reply; HSTS only over https (over plain http it would pin a dev host). */
export function securityHeaders(csp: string, isHttps: boolean): Record<string, string> {
  return { ...STATIC_SECURITY_HEADERS, "content-security-policy": csp, ...(isHttps ? { "strict-transport-security": HSTS } : {}) };
}
