// Where a request comes from, for sign-in throttling and the session list. Route handlers get no
// socket address; Next fills x-forwarded-for with it only when the client sent none, so without a
// proxy a client could name any address it likes. The header is therefore believed only when
// PROCDECK_TRUST_PROXY=1 says a proxy in front sets it (overwriting what the client sent); then the
// client IP is its first hop. Otherwise the client IP is "" and only the username key throttles.
import { isIP } from "node:net";
import { readLoginEnv } from "@/lib/core/env";

export type TClientOrigin = { clientIp: string; userAgent: string };

const MAX_USER_AGENT = 300;

export function readClientOrigin(headers: Headers, isProxyTrusted = readLoginEnv().PROCDECK_TRUST_PROXY === "1"): TClientOrigin {
  const userAgent = (headers.get("user-agent") ?? "").trim().slice(0, MAX_USER_AGENT);
  if (!isProxyTrusted) return { clientIp: "", userAgent };
  const firstHop = (headers.get("x-forwarded-for") ?? "").split(",")[0].trim();
  return { clientIp: isIP(firstHop) ? firstHop : "", userAgent };
}
