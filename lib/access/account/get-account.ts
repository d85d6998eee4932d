import "server-only";
import { toGrantViews, type TGrantView } from "@/lib/access/grants/grant-scope";
import type { TSession } from "@/lib/access/read-session";
import { listUserSessions, type TSessionView } from "@/lib/access/sessions/list-user-sessions";
import { getDb } from "@/lib/core/db";

export type TAccount = {
  username: string;
  displayName: string;
  isGlobalAdmin: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: string;
  grants: TGrantView[];
  /** the signed-in user's live sessions; the one asking is marked isCurrent */
  sessions: TSessionView[];
};

/** The signed-in user's own account page. */
export async function getAccount(session: TSession): Promise<TAccount> {
  const db = getDb();
  const userId = session.user.id;
  const [user, roles, sessions] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordChangedAt: true } }),
    db.userRole.findMany({ where: { userId }, select: { bizId: true, role: true, grantedBy: true, createdAt: true } }),
    listUserSessions(userId, session.tokenHash),
  ]);
  return {
    username: session.user.username,
    displayName: session.user.displayName,
    isGlobalAdmin: session.user.isGlobalAdmin,
    mustChangePassword: session.user.mustChangePassword,
    passwordChangedAt: user.passwordChangedAt.toISOString(),
    grants: await toGrantViews(db, roles),
    sessions,
  };
}
