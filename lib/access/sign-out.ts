import "server-only";
import { hashSessionToken } from "@/lib/access/session-policy";
import { writeAuditEntries } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";

/** Ends the session of this cookie token (recorded in the audit trail); signing out twice is not an error. */
export async function signOut(token: string | undefined): Promise<void> {
  if (!token) return;
  const tokenHash = hashSessionToken(token);
  await getDb().$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { tokenHash }, select: { userId: true, clientIp: true, userAgent: true, user: { select: { username: true } } } });
    if (!session) return;
    await tx.session.deleteMany({ where: { tokenHash } });
    const username = session.user.username;
    await writeAuditEntries(tx, [
      { actor: { type: "user", name: username }, bizId: null, objectType: "session", objectId: session.userId, objectName: username, action: "sign_out", before: { clientIp: session.clientIp, userAgent: session.userAgent } },
    ]);
  });
}
