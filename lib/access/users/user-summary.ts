// How a user is shown to administrators: never the password hash, and "last sign-in" as the newest
// use of any of their sessions (or, when none is left, the newest sign-in in the audit trail).
import "server-only";
import { getDb, type TTx } from "@/lib/core/db";
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";

export type TUserSummary = {
  id: number;
  username: string;
  displayName: string;
  isGlobalAdmin: boolean;
  isDisabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  passwordChangedAt: string;
  lastSignInAt: string | null;
};

export const USER_SUMMARY_SELECT = {
  id: true,
  username: true,
  displayName: true,
  isGlobalAdmin: true,
  disabledAt: true,
  mustChangePassword: true,
  createdAt: true,
  passwordChangedAt: true,
} as const;

type TUserSummaryRow = { id: number; username: string; displayName: string; isGlobalAdmin: boolean; disabledAt: Date | null; mustChangePassword: boolean; createdAt: Date; passwordChangedAt: Date };

export function toUserSummary(row: TUserSummaryRow, lastSignInAt: Date | null = null): TUserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    isGlobalAdmin: row.isGlobalAdmin,
    isDisabled: row.disabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
    passwordChangedAt: row.passwordChangedAt.toISOString(),
    lastSignInAt: lastSignInAt?.toISOString() ?? null,
  };
}

/** userId → newest session activity or sign-in. */
export async function readLastSignIns(userIds: readonly number[], db: TTx = getDb()): Promise<Map<number, Date>> {
  if (!userIds.length) return new Map();
  const [sessions, signIns] = await Promise.all([
    db.session.groupBy({ by: ["userId"], where: { userId: { in: [...userIds] } }, _max: { lastSeenAt: true, createdAt: true } }),
    db.auditEntry.groupBy({ by: ["objectId"], where: { objectType: "session", action: "sign_in", objectId: { in: userIds.map(String) } }, _max: { createdAt: true } }),
  ]);
  const latest = new Map<number, Date>();
  const consider = (userId: number, moment: Date | null | undefined) => {
    if (moment && moment.getTime() > (latest.get(userId)?.getTime() ?? 0)) latest.set(userId, moment);
  };
  for (const row of sessions) {
    consider(row.userId, row._max.lastSeenAt);
    consider(row.userId, row._max.createdAt);
  }
  for (const row of signIns) consider(Number(row.objectId), row._max.createdAt);
  return latest;
}

export function userNotFound(userId: number): ApiError {
  return new ApiError("NOT_FOUND", text(`user ${userId} does not exist`, `用户 ${userId} 不存在`));
}

/** The user row inside a transaction, locked so concurrent changes to it apply one after the other. */
export async function lockUser(tx: TTx, userId: number) {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "user" WHERE id = ${userId} FOR UPDATE`;
  if (!locked.length) throw userNotFound(userId);
  const user = await tx.user.findUnique({ where: { id: userId }, select: USER_SUMMARY_SELECT });
  if (!user) throw userNotFound(userId);
  return user;
}
