// Grant an app a role in one business (or every business, bizId 0), or change it. The app's cached
// credentials are forgotten, so the change counts from its next call.
import "server-only";
import { appRevokedError, lockApp } from "@/lib/access/apps/app-summary";
import { announceAppsChanged, forgetVerifiedApps } from "@/lib/access/authenticate-app";
import { auditBizIdOf, readGrantBusinessName, toGrantViews, type TGrantView } from "@/lib/access/grants/grant-scope";
import type { TRole } from "@/lib/access/permissions";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";

export async function setAppRole(appId: number, bizId: number, role: TRole, actor: TActor): Promise<TGrantView[]> {
  const grants = await getDb().$transaction(async (tx) => {
    const app = await lockApp(tx, appId);
    if (app.revokedAt) throw appRevokedError(app.code);
    const bizName = await readGrantBusinessName(tx, bizId);
    const existing = await tx.appRole.findUnique({ where: { appId_bizId: { appId, bizId } }, select: { role: true } });
    if (existing?.role !== role) {
      await tx.appRole.upsert({ where: { appId_bizId: { appId, bizId } }, create: { appId, bizId, role, grantedBy: actor.name }, update: { role, grantedBy: actor.name } });
      await writeAuditEntries(tx, [
        {
          actor,
          bizId: auditBizIdOf(bizId),
          objectType: "app_role",
          objectId: `${appId}:${bizId}`,
          objectName: app.code,
          action: existing ? "change" : "grant",
          before: existing ? { bizId, role: existing.role } : null,
          after: { bizId, bizName, role },
        },
      ]);
      await announceAppsChanged(tx);
    }
    return toGrantViews(tx, await tx.appRole.findMany({ where: { appId } }));
  });
  forgetVerifiedApps();
  return grants;
}
