import "server-only";
import { lockApp } from "@/lib/access/apps/app-summary";
import { announceAppsChanged, forgetVerifiedApps } from "@/lib/access/authenticate-app";
import { auditBizIdOf, describeScope, describeScopeZh, toGrantViews, type TGrantView } from "@/lib/access/grants/grant-scope";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

/** Takes away the app's role in one business (bizId 0: the all-businesses grant); returns the grants left. */
export async function revokeAppRole(appId: number, bizId: number, actor: TActor): Promise<TGrantView[]> {
  const grants = await getDb().$transaction(async (tx) => {
    const app = await lockApp(tx, appId);
    const existing = await tx.appRole.findUnique({ where: { appId_bizId: { appId, bizId } }, select: { role: true } });
    if (!existing) throw new ApiError("NOT_FOUND", text(`API app '${app.code}' holds no role in ${describeScope(bizId)}`, `API 应用 '${app.code}' 在${describeScopeZh(bizId)}没有角色`));
    await tx.appRole.delete({ where: { appId_bizId: { appId, bizId } } });
    await writeAuditEntries(tx, [
      { actor, bizId: auditBizIdOf(bizId), objectType: "app_role", objectId: `${appId}:${bizId}`, objectName: app.code, action: "revoke", before: { bizId, role: existing.role }, after: null },
    ]);
    await announceAppsChanged(tx);
    return toGrantViews(tx, await tx.appRole.findMany({ where: { appId } }));
  });
  forgetVerifiedApps();
  return grants;
}
