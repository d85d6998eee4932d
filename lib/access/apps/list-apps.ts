import "server-only";
import { loadBusinessNames, toGrantViewsWith, type TGrantView } from "@/lib/access/grants/grant-scope";
import { APP_SUMMARY_SELECT, toAppSummary, type TAppSummary } from "@/lib/access/apps/app-summary";
import { getDb } from "@/lib/core/db";

export type TAppRow = TAppSummary & { grants: TGrantView[] };

/** Every API app with its grants: active ones first, then by code. */
export async function listApps(): Promise<TAppRow[]> {
  const db = getDb();
  const rows = await db.apiApp.findMany({ orderBy: { code: "asc" }, select: { ...APP_SUMMARY_SELECT, roles: { select: { bizId: true, role: true, grantedBy: true, createdAt: true } } } });
  const names = await loadBusinessNames(db, rows.flatMap((row) => row.roles));
  return rows
    .map(({ roles, ...row }) => ({ ...toAppSummary(row), grants: toGrantViewsWith(names, roles) }))
    .sort((a, b) => Number(a.isRevoked) - Number(b.isRevoked) || a.code.localeCompare(b.code));
}
