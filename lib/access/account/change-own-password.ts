// A signed-in user changes their own password: the current one is required (and a wrong one counts
// against the sign-in throttle, so a stolen session cannot be used to guess it), the new one must
// differ, mustChangePassword is cleared, and every other session of the user ends.
import "server-only";
import type { TClientOrigin } from "@/lib/access/client-origin";
import { assertNotLocked, clearUserKey, recordFailedSignIn, throttleKeysFor } from "@/lib/access/login-throttle";
import type { TSession } from "@/lib/access/read-session";
import { hashPassword, verifyPassword } from "@/lib/access/secret-hash";
import { revokeSessions } from "@/lib/access/sessions/revoke-sessions";
import type { TChangeOwnPassword } from "@/lib/access/users/user-input";
import { assertPasswordAllowed } from "@/lib/access/users/password-rules";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

export async function changeOwnPassword(session: TSession, input: TChangeOwnPassword, origin: TClientOrigin): Promise<{ revokedSessions: number }> {
  const { id: userId, username } = session.user;
  const keys = throttleKeysFor(username, origin.clientIp);
  await assertNotLocked(keys);
  const db = getDb();
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, mustChangePassword: true } });
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    await recordFailedSignIn(keys);
    throw fieldError("currentPassword", text("the current password is wrong", "当前密码不正确"));
  }
  await clearUserKey(keys);
  if (input.newPassword === input.currentPassword) throw fieldError("newPassword", text("the new password must differ from the current one", "新密码不能与当前密码相同"));
  assertPasswordAllowed(input.newPassword, username, "newPassword");

  const passwordHash = await hashPassword(input.newPassword);
  const actor = { type: "user" as const, name: username };
  const revokedSessions = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: new Date() } });
    await writeAuditEntries(tx, [
      { actor, bizId: null, objectType: "user", objectId: userId, objectName: username, action: "change_password", before: { mustChangePassword: user.mustChangePassword }, after: { mustChangePassword: false } },
    ]);
    return revokeSessions(tx, { id: userId, username }, { kind: "others", keepTokenHash: session.tokenHash }, actor, "password changed");
  });
  return { revokedSessions };
}

function fieldError(field: string, reason: ReturnType<typeof text>): ApiError {
  return new ApiError("FIELD_CHECK_FAILED", text(`${field}: ${reason.en}`, `${field}：${reason.zh}`), [{ field, reason }]);
}
