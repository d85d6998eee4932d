// Ends sessions of one user inside the caller's transaction, with one audit entry naming how many and
// where they were opened (never a token or its hash). Used by sign-out-others, password changes and
// resets, disabling a user and the admin's session list.
import "server-only";
import { sessionPublicId } from "@/lib/access/session-policy";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import type { TTx } from "@/lib/core/db";

export type TRevokeScope =
  | { kind: "all" }
  /** every session but the one the request came with */
  | { kind: "others"; keepTokenHash: string }
  | { kind: "one"; sessionId: string };

export type TSessionOwner = { id: number; username: string };

const ACTIONS = { all: "revoke_all", others: "revoke_others", one: "revoke" } as const;

/** Returns how many sessions ended; revoking what is already gone is not an error. */
export async function revokeSessions(tx: TTx, owner: TSessionOwner, scope: TRevokeScope, actor: TActor, reason: string): Promise<number> {
  const rows = await tx.session.findMany({ where: { userId: owner.id }, select: { tokenHash: true, clientIp: true, userAgent: true, createdAt: true } });
  const ending = rows.filter((row) => isInScope(row.tokenHash, scope));
  if (!ending.length) return 0;
  await tx.session.deleteMany({ where: { tokenHash: { in: ending.map((row) => row.tokenHash) } } });
  await writeAuditEntries(tx, [
    {
      actor,
      bizId: null,
      objectType: "session",
      objectId: owner.id,
      objectName: owner.username,
      action: ACTIONS[scope.kind],
      before: { sessions: ending.map((row) => ({ clientIp: row.clientIp, userAgent: row.userAgent, createdAt: row.createdAt.toISOString() })) },
      after: { revoked: ending.length, reason },
    },
  ]);
  return ending.length;
}

function isInScope(tokenHash: string, scope: TRevokeScope): boolean {
  if (scope.kind === "all") return true;
  if (scope.kind === "others") return tokenHash !== scope.keepTokenHash;
  return sessionPublicId(tokenHash) === scope.sessionId;
}
