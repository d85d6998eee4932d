// Username + password → a new session. The password check is scrypt (lib/access/secret-hash.ts);
// an unknown user costs the same scrypt run, so timing does not tell which usernames exist.
// Failures are throttled per (username + client IP) and per client IP (lib/access/login-throttle.ts):
// a locked attempt is refused before the password is looked at. The session row records where it was
// opened (client IP when known, user agent), and the sign-in is in the audit trail.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import type { TClientOrigin } from "@/lib/access/client-origin";
import { assertNotLocked, clearUserKey, recordFailedSignIn, throttleKeysFor } from "@/lib/access/login-throttle";
import { hashPassword, verifyPassword } from "@/lib/access/secret-hash";
import { generateSessionToken, hashSessionToken, SESSION_ABSOLUTE_MS } from "@/lib/access/session-policy";
import { writeAuditEntries } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

export type TSignInInput = { username: string; password: string; origin: TClientOrigin };
export type TSignInResult = { token: string; csrfToken: string; expiresAt: Date; username: string; mustChangePassword: boolean };

let decoyHash: Promise<string> | undefined;

export async function signIn({ username, password, origin }: TSignInInput): Promise<TSignInResult> {
  const keys = throttleKeysFor(username, origin.clientIp);
  await assertNotLocked(keys);

  const db = getDb();
  const user = await db.user.findUnique({ where: { username }, select: { id: true, username: true, passwordHash: true, disabledAt: true, mustChangePassword: true } });
  decoyHash ??= hashPassword("procdeck-decoy-password");
  const isPasswordRight = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || user.disabledAt || !isPasswordRight) {
    await recordFailedSignIn(keys);
    throw new ApiError("UNAUTHENTICATED", text("wrong username or password", "用户名或密码错误"));
  }
  await clearUserKey(keys);

  const token = generateSessionToken();
  const csrfToken = generateSessionToken();
  const now = Date.now();
  const expiresAt = new Date(now + SESSION_ABSOLUTE_MS);
  await db.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId: user.id, expiresAt: { lt: new Date(now) } } });
    await tx.session.create({ data: { tokenHash: hashSessionToken(token), userId: user.id, csrfToken, expiresAt, clientIp: origin.clientIp, userAgent: origin.userAgent } });
    await writeAuditEntries(tx, [
      { actor: { type: "user", name: user.username }, bizId: null, objectType: "session", objectId: user.id, objectName: user.username, action: "sign_in", after: { clientIp: origin.clientIp, userAgent: origin.userAgent } },
    ]);
  });
  return { token, csrfToken, expiresAt, username: user.username, mustChangePassword: user.mustChangePassword };
}
