// An administrator's password reset: a new generated password (returned once), which the user must
// change at their next sign-in; every session of the user ends at once.
import "server-only";
import { generateSecret, hashPassword } from "@/lib/access/secret-hash";
import { revokeSessions } from "@/lib/access/sessions/revoke-sessions";
import type { TUserChangeContext } from "@/lib/access/users/update-user";
import { lockUser } from "@/lib/access/users/user-summary";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

export type TPasswordReset = { generatedPassword: string; revokedSessions: number };

export async function resetUserPassword(userId: number, { actor, actorUserId }: TUserChangeContext): Promise<TPasswordReset> {
  if (userId === actorUserId) {
    throw new ApiError("FIELD_CHECK_FAILED", text("you cannot reset your own password here; change it on your account page", "不能在此重置自己的密码，请在“我的账号”页面修改"));
  }
  const generatedPassword = generateSecret(12);
  const passwordHash = await hashPassword(generatedPassword);
  const revokedSessions = await getDb().$transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true, passwordChangedAt: new Date() } });
    await writeAuditEntries(tx, [
      { actor, bizId: null, objectType: "user", objectId: userId, objectName: user.username, action: "reset_password", before: { mustChangePassword: user.mustChangePassword }, after: { mustChangePassword: true } },
    ]);
    return revokeSessions(tx, { id: userId, username: user.username }, { kind: "all" }, actor, "password reset");
  });
  return { generatedPassword, revokedSessions };
}
