import "server-only";
import { toGrantViews, type TGrantView } from "@/lib/access/grants/grant-scope";
import { listUserSessions, type TSessionView } from "@/lib/access/sessions/list-user-sessions";
import { readLastSignIns, toUserSummary, USER_SUMMARY_SELECT, userNotFound, type TUserSummary } from "@/lib/access/users/user-summary";
import { getDb } from "@/lib/core/db";

export type TUserDetail = { user: TUserSummary; grants: TGrantView[]; sessions: TSessionView[] };

/** One user for the administration page: their grants and live sessions. */
export async function getUserDetail(userId: number): Promise<TUserDetail> {
  const db = getDb();
  const row = await db.user.findUnique({ where: { id: userId }, select: { ...USER_SUMMARY_SELECT, roles: { select: { bizId: true, role: true, grantedBy: true, createdAt: true } } } });
  if (!row) throw userNotFound(userId);
  const { roles, ...user } = row;
  const [lastSignIns, grants, sessions] = await Promise.all([readLastSignIns([userId]), toGrantViews(db, roles), listUserSessions(userId)]);
  return { user: toUserSummary(user, lastSignIns.get(userId) ?? null), grants, sessions };
}
