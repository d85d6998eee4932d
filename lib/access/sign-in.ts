// Username + password → a new session. The password check is scrypt (lib/access/secret-hash.ts);
// an unknown user costs the same scrypt run, so timing does not tell which usernames exist.
import { ApiError } from "@/lib/api/errors";
import { hashPassword, verifyPassword } from "@/lib/access/secret-hash";
import { generateSessionToken, hashSessionToken, SESSION_ABSOLUTE_MS } from "@/lib/access/session-policy";
import { getDb } from "@/lib/db";
import { text } from "@/lib/i18n";

export type TSignInResult = { token: string; csrfToken: string; expiresAt: Date; username: string };

let decoyHash: Promise<string> | undefined;

export async function signIn(username: string, password: string): Promise<TSignInResult> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { username }, select: { id: true, username: true, passwordHash: true, disabledAt: true } });
  decoyHash ??= hashPassword("procdeck-decoy-password");
  const isPasswordRight = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || user.disabledAt || !isPasswordRight) {
    throw new ApiError("UNAUTHENTICATED", text("wrong username or password", "用户名或密码错误"));
  }

  const token = generateSessionToken();
  const csrfToken = generateSessionToken();
  const now = Date.now();
  const expiresAt = new Date(now + SESSION_ABSOLUTE_MS);
  await db.$transaction([
    db.session.deleteMany({ where: { userId: user.id, expiresAt: { lt: new Date(now) } } }),
    db.session.create({ data: { tokenHash: hashSessionToken(token), userId: user.id, csrfToken, expiresAt } }),
  ]);
  return { token, csrfToken, expiresAt, username: user.username };
}
