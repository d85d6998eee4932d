// Grant a user a role in one business (or in every business, bizId 0), or change the role they hold
// there. Takes effect on their next request: sessions read the roles afresh.
import "server-only";
import { auditBizIdOf, readGrantBusinessName, toGrantViews, type TGrantView } from "@/lib/access/grants/grant-scope";
import type { TRole } from "@/lib/access/permissions";
import { lockUser } from "@/lib/access/users/user-summary";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";

/** Returns the user's grants after the change. */
export async function setUserRole(userId: number, bizId: number, role: TRole, actor: TActor): Promise<TGrantView[]> {
  return getDb().$transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    const bizName = await readGrantBusinessName(tx, bizId);
    const existing = await tx.userRole.findUnique({ where: { userId_bizId: { userId, bizId } }, select: { role: true } });
    if (existing?.role !== role) {
      await tx.userRole.upsert({ where: { userId_bizId: { userId, bizId } }, create: { userId, bizId, role, grantedBy: actor.name }, update: { role, grantedBy: actor.name } });
      await writeAuditEntries(tx, [
        {
          actor,
          bizId: auditBizIdOf(bizId),
          objectType: "user_role",
          objectId: `${userId}:${bizId}`,
          objectName: user.username,
          action: existing ? "change" : "grant",
          before: existing ? { bizId, role: existing.role } : null,
          after: { bizId, bizName, role },
        },
      ]);
    }
    return toGrantViews(tx, await tx.userRole.findMany({ where: { userId } }));
  });
}
