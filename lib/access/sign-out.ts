import { hashSessionToken } from "@/lib/access/session-policy";
import { getDb } from "@/lib/db";

/** Ends the session of this cookie token; signing out twice is not an error. */
export async function signOut(token: string | undefined): Promise<void> {
  if (!token) return;
  await getDb().session.deleteMany({ where: { tokenHash: hashSessionToken(token) } });
}
