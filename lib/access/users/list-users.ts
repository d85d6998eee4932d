// The user list of the administration page: filtered by name and status, with each user's grants and
// last sign-in. Installations have tens or hundreds of users, so one page holds them all (capped).
import "server-only";
import { loadBusinessNames, toGrantViewsWith, type TGrantView } from "@/lib/access/grants/grant-scope";
import { USER_LIST_LIMIT, type TUserListQuery } from "@/lib/access/users/user-input";
import { readLastSignIns, toUserSummary, USER_SUMMARY_SELECT, type TUserSummary } from "@/lib/access/users/user-summary";
import { getDb } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TUserRow = TUserSummary & { grants: TGrantView[] };
export type TUserList = { users: TUserRow[]; isTruncated: boolean };

export async function listUsers(query: TUserListQuery): Promise<TUserList> {
  const db = getDb();
  const where: Prisma.UserWhereInput = {};
  if (query.q) where.OR = [{ username: { contains: query.q, mode: "insensitive" } }, { displayName: { contains: query.q, mode: "insensitive" } }];
  if (query.status === "active") where.disabledAt = null;
  if (query.status === "disabled") where.disabledAt = { not: null };

  const rows = await db.user.findMany({
    where,
    orderBy: { username: "asc" },
    take: USER_LIST_LIMIT + 1,
    select: { ...USER_SUMMARY_SELECT, roles: { select: { bizId: true, role: true, grantedBy: true, createdAt: true } } },
  });
  const shown = rows.slice(0, USER_LIST_LIMIT);
  const [lastSignIns, names] = await Promise.all([readLastSignIns(shown.map((row) => row.id)), loadBusinessNames(db, shown.flatMap((row) => row.roles))]);
  return {
    users: shown.map(({ roles, ...row }) => ({ ...toUserSummary(row, lastSignIns.get(row.id) ?? null), grants: toGrantViewsWith(names, roles) })),
    isTruncated: rows.length > USER_LIST_LIMIT,
  };
}
