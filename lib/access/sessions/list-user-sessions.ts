// The live sessions of one user, newest activity first: where each was opened (client IP, browser)
// and when it was last used. Expired rows are left out (readSession deletes them when they are met).
import "server-only";
import { SESSION_IDLE_MS, sessionPublicId } from "@/lib/access/session-policy";
import { getDb, type TTx } from "@/lib/core/db";

export type TSessionView = {
  /** what the session is revoked by (lib/access/session-policy.ts sessionPublicId) */
  id: string;
  clientIp: string;
  userAgent: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** the session of the request that asked */
  isCurrent: boolean;
};

export async function listUserSessions(userId: number, currentTokenHash?: string, db: TTx = getDb()): Promise<TSessionView[]> {
  const now = Date.now();
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: new Date(now) }, lastSeenAt: { gt: new Date(now - SESSION_IDLE_MS) } },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    select: { tokenHash: true, clientIp: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
  return rows.map((row) => ({
    id: sessionPublicId(row.tokenHash),
    clientIp: row.clientIp,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    isCurrent: row.tokenHash === currentTokenHash,
  }));
}
