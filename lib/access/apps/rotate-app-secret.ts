// A new secret for an app, returned once. The old one stops working on every instance when this
// commits (the verified-credentials caches are told through lib/core/change-feed.ts).
import "server-only";
import { APP_SUMMARY_SELECT, appRevokedError, lockApp, toAppSummary, type TAppSummary } from "@/lib/access/apps/app-summary";
import { announceAppsChanged, forgetVerifiedApps } from "@/lib/access/authenticate-app";
import { generateSecret, hashToken } from "@/lib/access/secret-hash";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";

export type TRotatedSecret = { app: TAppSummary; secret: string };

export async function rotateAppSecret(appId: number, actor: TActor): Promise<TRotatedSecret> {
  const secret = generateSecret(24);
  const app = await getDb().$transaction(async (tx) => {
    const before = await lockApp(tx, appId);
    if (before.revokedAt) throw appRevokedError(before.code);
    const row = await tx.apiApp.update({ where: { id: appId }, data: { secretHash: hashToken(secret), secretRotatedAt: new Date() }, select: APP_SUMMARY_SELECT });
    await writeAuditEntries(tx, [
      { actor, bizId: null, objectType: "app", objectId: appId, objectName: row.code, action: "rotate_secret", before: { secretRotatedAt: before.secretRotatedAt?.toISOString() ?? null }, after: { secretRotatedAt: row.secretRotatedAt?.toISOString() ?? null } },
    ]);
    await announceAppsChanged(tx);
    return row;
  });
  forgetVerifiedApps();
  return { app: toAppSummary(app), secret };
}
