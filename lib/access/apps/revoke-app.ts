// Revoking an app: every later call with its credentials gets the 401 envelope. The row stays (the
// audit trail and task history name it), so the code cannot be reused; revoking twice changes nothing.
import "server-only";
import { APP_SUMMARY_SELECT, lockApp, toAppSummary, type TAppSummary } from "@/lib/access/apps/app-summary";
import { announceAppsChanged, forgetVerifiedApps } from "@/lib/access/authenticate-app";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";

export async function revokeApp(appId: number, actor: TActor): Promise<TAppSummary> {
  const app = await getDb().$transaction(async (tx) => {
    const before = await lockApp(tx, appId);
    if (before.revokedAt) return before;
    const row = await tx.apiApp.update({ where: { id: appId }, data: { revokedAt: new Date() }, select: APP_SUMMARY_SELECT });
    await writeAuditEntries(tx, [{ actor, bizId: null, objectType: "app", objectId: appId, objectName: row.code, action: "revoke", before: { revokedAt: null }, after: { revokedAt: row.revokedAt?.toISOString() ?? null } }]);
    await announceAppsChanged(tx);
    return row;
  });
  forgetVerifiedApps();
  return toAppSummary(app);
}
