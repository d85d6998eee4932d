import "server-only";
import { toGrantViews, type TGrantView } from "@/lib/access/grants/grant-scope";
import { APP_SUMMARY_SELECT, appNotFound, toAppSummary, type TAppSummary } from "@/lib/access/apps/app-summary";
import { getDb } from "@/lib/core/db";

export type TAppDetail = { app: TAppSummary; grants: TGrantView[] };

export async function getAppDetail(appId: number): Promise<TAppDetail> {
  const db = getDb();
  const row = await db.apiApp.findUnique({ where: { id: appId }, select: { ...APP_SUMMARY_SELECT, roles: { select: { bizId: true, role: true, grantedBy: true, createdAt: true } } } });
  if (!row) throw appNotFound(appId);
  const { roles, ...app } = row;
  return { app: toAppSummary(app), grants: await toGrantViews(db, roles) };
}
