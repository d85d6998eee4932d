// For the page /admin/users/[userId]: the id from the URL when it names an existing user, else null
// (the page shows not-found).
import "server-only";
import { getDb } from "@/lib/core/db";

export async function findUserIdForPage(raw: string): Promise<number | null> {
  if (!/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2147483647) return null;
  const user = await getDb().user.findUnique({ where: { id: Number(raw) }, select: { id: true } });
  return user?.id ?? null;
}
