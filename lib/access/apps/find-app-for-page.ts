// For the page /admin/apps/[appId]: the id from the URL when it names an existing API app, else null
// (the page shows not-found).
import "server-only";
import { getDb } from "@/lib/core/db";

export async function findAppIdForPage(raw: string): Promise<number | null> {
  if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2147483647) return null;
  const app = await getDb().apiApp.findUnique({ where: { id: Number(raw) }, select: { id: true } });
  return app?.id ?? null;
}
