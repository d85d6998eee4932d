// One-time enrolment tokens: for one host (or any host when no identity is given), or for many IPs
// at once (one transaction: all of them or none), each shown once.
import "server-only";
import { generateSecret, hashToken } from "@/lib/access/secret-hash";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb, type TTx } from "@/lib/core/db";

const DEFAULT_TTL_HOURS = 24;

export type TIssuedToken = { token: string; expiresAt: string };

export async function issueEnrollmentToken({ actor, cloudId, ip, ttlHours = DEFAULT_TTL_HOURS }: { actor: TActor; cloudId?: number; ip?: string; ttlHours?: number }): Promise<TIssuedToken> {
  return getDb().$transaction((tx) => createToken(tx, actor, { cloudId, ip }, ttlHours));
}

/** A token per IP (duplicates given once), all in one transaction. */
export async function issueEnrollmentTokens({ actor, cloudId, ips, ttlHours = DEFAULT_TTL_HOURS }: { actor: TActor; cloudId: number; ips: string[]; ttlHours?: number }): Promise<(TIssuedToken & { ip: string; cloudId: number })[]> {
  const unique = [...new Set(ips)];
  return getDb().$transaction(async (tx) => {
    const issued: (TIssuedToken & { ip: string; cloudId: number })[] = [];
    for (const ip of unique) issued.push({ ip, cloudId, ...(await createToken(tx, actor, { cloudId, ip }, ttlHours)) });
    return issued;
  });
}

async function createToken(tx: TTx, actor: TActor, { cloudId, ip }: { cloudId?: number; ip?: string }, ttlHours: number): Promise<TIssuedToken> {
  // the row id is part of the token, so the hash of the whole token is written in a second step
  const row = await tx.enrollmentToken.create({
    data: { tokenHash: "pending", cloudId: cloudId ?? null, ip: ip ?? null, createdBy: actor.name, expiresAt: new Date(Date.now() + ttlHours * 3_600_000) },
  });
  const token = `${row.id}.${generateSecret(24)}`;
  await tx.enrollmentToken.update({ where: { id: row.id }, data: { tokenHash: hashToken(token) } });
  await writeAuditEntries(tx, [
    { actor, bizId: null, objectType: "enrollment_token", objectId: row.id, objectName: ip ? `${cloudId ?? 0}:${ip}` : "any host", action: "issue", after: { bk_cloud_id: cloudId ?? null, ip: ip ?? null, expires_at: row.expiresAt.toISOString() } },
  ]);
  return { token, expiresAt: row.expiresAt.toISOString() };
}
