import "server-only";
import type { TSession } from "@/lib/access/read-session";
import { revokeSessions } from "@/lib/access/sessions/revoke-sessions";
import { getDb } from "@/lib/core/db";

/**
 * The signed-in user ends their own sessions: one by id, or every one but the current ("sign out
 * everywhere else"). A session that has already ended is not an error.
 */
export async function revokeOwnSessions(session: TSession, sessionId?: string): Promise<{ revoked: number }> {
  const owner = { id: session.user.id, username: session.user.username };
  const actor = { type: "user" as const, name: owner.username };
  const revoked = await getDb().$transaction((tx) =>
    revokeSessions(tx, owner, sessionId === undefined ? { kind: "others", keepTokenHash: session.tokenHash } : { kind: "one", sessionId }, actor, "signed out by the user"),
  );
  return { revoked };
}
