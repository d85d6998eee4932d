// Where a request comes from, for sign-in throttling and the session list. Route handlers get no
// socket address, so the HTTP server (scripts/serve.ts) puts the socket's peer into
// x-procdeck-client-ip, overwriting whatever a client sent there. x-forwarded-for is believed only
// when PROCDECK_TRUST_PROXY=1 says a proxy in front sets it (overwriting what the client sent); then
// the client IP is its first hop. Without a proxy, the socket's address is the client's.
import "server-only";
import { isIP } from "node:net";
import { readLoginEnv } from "@/lib/core/env";

export type TClientOrigin = { clientIp: string; userAgent: string };

/** Set by scripts/serve.ts from the socket, never from the client. */
export const CLIENT_IP_HEADER = "x-procdeck-client-ip";

const MAX_USER_AGENT = 300;

// read once: the environment only changes with a restart, and parsing it (every variable, through
// zod) cost more CPU per API call than the rest of authentication (bench:search)
let isProxyTrustedByEnv: boolean | undefined;

export function readClientOrigin(headers: Headers, isProxyTrusted = (isProxyTrustedByEnv ??= readLoginEnv().PROCDECK_TRUST_PROXY === "1")): TClientOrigin {
  const userAgent = (headers.get("user-agent") ?? "").trim().slice(0, MAX_USER_AGENT);
  const socketIp = (headers.get(CLIENT_IP_HEADER) ?? "").trim();
  const socket = isIP(socketIp) ? socketIp : "";
  if (!isProxyTrusted) return { clientIp: socket, userAgent };
  const firstHop = (headers.get("x-forwarded-for") ?? "").split(",")[0].trim();
  return { clientIp: isIP(firstHop) ? firstHop : socket, userAgent };
}
