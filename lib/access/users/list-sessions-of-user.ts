import "server-only";
import { listUserSessions, type TSessionView } from "@/lib/access/sessions/list-user-sessions";
import { userNotFound } from "@/lib/access/users/user-summary";
import { getDb } from "@/lib/core/db";

/** A user's live sessions for an administrator; an unknown user is NOT_FOUND rather than an empty list. */
export async function listSessionsOfUser(userId: number, currentTokenHash: string): Promise<TSessionView[]> {
  if (!(await getDb().user.findUnique({ where: { id: userId }, select: { id: true } }))) throw userNotFound(userId);
  return listUserSessions(userId, currentTokenHash);
}
