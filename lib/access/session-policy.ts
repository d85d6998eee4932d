// Console session rules in one place: cookie names, lifetimes, and how a token is stored.
import { createHash, randomBytes } from "node:crypto";

export { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from "@/lib/access/cookie-names";

/** a session unused this long ends */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** and none outlives this, however busy */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request */
export const SESSION_TOUCH_EVERY_MS = 60 * 1000;

export function generateSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form of a session token: 256 random bits need no salt or KDF, only a one-way hash. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * The id a session is listed and revoked by. Derived one-way from the stored hash (with its own
 * prefix, and shortened), so neither the token nor the stored hash ever leaves the server.
 */
export function sessionPublicId(tokenHash: string): string {
  return createHash("sha256").update(`procdeck-session-id:${tokenHash}`).digest("hex").slice(0, 24);
}

export const SESSION_ID_PATTERN = /^[0-9a-f]{24}$/;
