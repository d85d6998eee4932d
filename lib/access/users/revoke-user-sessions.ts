import "server-only";
import { revokeSessions } from "@/lib/access/sessions/revoke-sessions";
import { lockUser } from "@/lib/access/users/user-summary";
import type { TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";

/** An administrator ends one session of a user, or all of them (sessionId undefined). */
export async function revokeUserSessions(userId: number, sessionId: string | undefined, actor: TActor): Promise<{ revoked: number }> {
  const revoked = await getDb().$transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    return revokeSessions(tx, { id: userId, username: user.username }, sessionId === undefined ? { kind: "all" } : { kind: "one", sessionId }, actor, "revoked by an administrator");
  });
  return { revoked };
}
