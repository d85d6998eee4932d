// The signed-in user behind a session cookie, or null when the session is unknown, expired (idle or
// absolute) or its user is disabled. Expired rows are deleted on sight.
import "server-only";
import { hashSessionToken, SESSION_IDLE_MS, SESSION_TOUCH_EVERY_MS } from "@/lib/access/session-policy";
import { toRoleMap, type TPrincipal } from "@/lib/access/permissions";
import { getDb } from "@/lib/core/db";

export type TSessionUser = { id: number; username: string; displayName: string; isGlobalAdmin: boolean; mustChangePassword: boolean };
/** `principal` is the user with their roles, read with the session: a revoked role counts at once. */
export type TSession = { user: TSessionUser; principal: TPrincipal; csrfToken: string; tokenHash: string };

export async function readSession(token: string | undefined): Promise<TSession | null> {
  if (!token || token.length > 200) return null;
  const db = getDb();
  const tokenHash = hashSessionToken(token);
  const row = await db.session.findUnique({
    where: { tokenHash },
    include: {
      user: {
        select: { id: true, username: true, displayName: true, isGlobalAdmin: true, mustChangePassword: true, disabledAt: true, roles: { select: { bizId: true, role: true } } },
      },
    },
  });
  if (!row) return null;

  const now = Date.now();
  if (row.expiresAt.getTime() <= now || row.lastSeenAt.getTime() + SESSION_IDLE_MS <= now || row.user.disabledAt) {
    await db.session.deleteMany({ where: { tokenHash } });
    return null;
  }
  if (row.lastSeenAt.getTime() + SESSION_TOUCH_EVERY_MS <= now) {
    await db.session.updateMany({ where: { tokenHash }, data: { lastSeenAt: new Date(now) } });
  }
  const { disabledAt: _disabledAt, roles, ...user } = row.user;
  const principal: TPrincipal = { kind: "user", id: user.id, name: user.username, isGlobalAdmin: user.isGlobalAdmin, roles: toRoleMap(roles) };
  return { user, principal, csrfToken: row.csrfToken, tokenHash };
}
