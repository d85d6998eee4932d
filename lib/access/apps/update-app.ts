import "server-only";
import type { TUpdateApp } from "@/lib/access/apps/app-input";
import { APP_SUMMARY_SELECT, lockApp, toAppSummary, type TAppSummary } from "@/lib/access/apps/app-summary";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";

/** Changes an app's description (the only thing about an app that is not a secret or a grant). */
export async function updateApp(appId: number, changes: TUpdateApp, actor: TActor): Promise<TAppSummary> {
  return getDb().$transaction(async (tx) => {
    const before = await lockApp(tx, appId);
    if (before.description === changes.description) return toAppSummary(before);
    const row = await tx.apiApp.update({ where: { id: appId }, data: { description: changes.description }, select: APP_SUMMARY_SELECT });
    await writeAuditEntries(tx, [
      { actor, bizId: null, objectType: "app", objectId: appId, objectName: row.code, action: "update", before: { description: before.description }, after: { description: row.description } },
    ]);
    return toAppSummary(row);
  });
}
