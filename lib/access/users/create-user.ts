// A new console user. The administrator gives an initial password or has one generated (returned
// once, here, and never again); either way the user must choose their own at first sign-in.
import "server-only";
import { generateSecret, hashPassword } from "@/lib/access/secret-hash";
import type { TCreateUser } from "@/lib/access/users/user-input";
import { assertPasswordAllowed } from "@/lib/access/users/password-rules";
import { toUserSummary, USER_SUMMARY_SELECT, type TUserSummary } from "@/lib/access/users/user-summary";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";
import { isUniqueViolation } from "@/lib/core/db-errors";

export type TCreatedUser = { user: TUserSummary; generatedPassword?: string };

export async function createUser(input: TCreateUser, actor: TActor): Promise<TCreatedUser> {
  const generatedPassword = input.password === undefined ? generateSecret(12) : undefined;
  const password = input.password ?? (generatedPassword as string);
  assertPasswordAllowed(password, input.username, "password");
  const passwordHash = await hashPassword(password);
  try {
    const user = await getDb().$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { username: input.username }, select: { id: true } })) throw duplicateUsername(input.username);
      const row = await tx.user.create({
        data: { username: input.username, displayName: input.displayName, isGlobalAdmin: input.isGlobalAdmin, passwordHash, mustChangePassword: true },
        select: USER_SUMMARY_SELECT,
      });
      await writeAuditEntries(tx, [
        {
          actor,
          bizId: null,
          objectType: "user",
          objectId: row.id,
          objectName: row.username,
          action: "create",
          after: { username: row.username, displayName: row.displayName, isGlobalAdmin: row.isGlobalAdmin, mustChangePassword: true, isPasswordGenerated: generatedPassword !== undefined },
        },
      ]);
      return row;
    });
    return { user: toUserSummary(user), ...(generatedPassword ? { generatedPassword } : {}) };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateUsername(input.username);
    throw error;
  }
}

function duplicateUsername(username: string): ApiError {
  const reason = text(`username '${username}' is already taken`, `用户名 '${username}' 已被使用`);
  return new ApiError("DUPLICATE", reason, [{ field: "username", reason }]);
}
