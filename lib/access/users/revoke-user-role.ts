import "server-only";
import { auditBizIdOf, describeScope, describeScopeZh, toGrantViews, type TGrantView } from "@/lib/access/grants/grant-scope";
import { lockUser } from "@/lib/access/users/user-summary";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

/** Takes away the user's role in one business (bizId 0: the all-businesses grant); returns the grants left. */
export async function revokeUserRole(userId: number, bizId: number, actor: TActor): Promise<TGrantView[]> {
  return getDb().$transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    const existing = await tx.userRole.findUnique({ where: { userId_bizId: { userId, bizId } }, select: { role: true } });
    if (!existing) {
      throw new ApiError("NOT_FOUND", text(`user '${user.username}' holds no role in ${describeScope(bizId)}`, `用户 '${user.username}' 在${describeScopeZh(bizId)}没有角色`));
    }
    await tx.userRole.delete({ where: { userId_bizId: { userId, bizId } } });
    await writeAuditEntries(tx, [
      { actor, bizId: auditBizIdOf(bizId), objectType: "user_role", objectId: `${userId}:${bizId}`, objectName: user.username, action: "revoke", before: { bizId, role: existing.role }, after: null },
    ]);
    return toGrantViews(tx, await tx.userRole.findMany({ where: { userId } }));
  });
}
