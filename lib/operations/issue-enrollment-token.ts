// A one-time enrolment token for one host (or any host when no identity is given), shown once.
import "server-only";
import { generateSecret, hashToken } from "@/lib/access/secret-hash";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";

const DEFAULT_TTL_HOURS = 24;

export async function issueEnrollmentToken({ actor, cloudId, ip, ttlHours = DEFAULT_TTL_HOURS }: { actor: TActor; cloudId?: number; ip?: string; ttlHours?: number }) {
  return getDb().$transaction(async (tx) => {
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
  });
}
