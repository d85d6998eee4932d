// A host enrols once with a one-time enrolment token (issued from the console) or the admin-set
// PROCDECK_AGENT_ENROLL_SECRET, and receives its own agent token. Enrolling again replaces the token.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { ApiError } from "@/lib/core/errors";
import { describeZodIssue } from "@/lib/core/describe-zod-issue";
import { verifyToken } from "@/lib/access/secret-hash";
import { writeAuditEntries } from "@/lib/core/write-audit-entry";
import { getDb, type TTx } from "@/lib/core/db";
import { readOperationsEnv } from "@/lib/core/env";
import { issueAgentToken } from "@/lib/operations/agent-token";
import { ZEnrollRequest, type TEnrollReply } from "@/lib/protocol/agent-protocol";
import { text } from "@/lib/core/i18n";

export async function enrollAgent(input: unknown): Promise<TEnrollReply> {
  const parsed = ZEnrollRequest.safeParse(input);
  if (!parsed.success) throw new ApiError("FIELD_CHECK_FAILED", describeZodIssue(parsed.error.issues[0]));
  const request = parsed.data;

  return getDb().$transaction(async (tx) => {
    const via = await consumeEnrollmentToken(tx, request.enrollment_token, request.bk_cloud_id, request.ip);
    const host =
      (await tx.host.findUnique({ where: { cloudId_innerIp: { cloudId: request.bk_cloud_id, innerIp: request.ip } } })) ??
      (await tx.host.create({ data: { cloudId: request.bk_cloud_id, innerIp: request.ip, hostName: request.hostname } }));
    const { token, hash } = issueAgentToken(host.id);
    await tx.host.update({
      where: { id: host.id },
      data: { agentTokenHash: hash, agentEnrolledAt: new Date(), agentRevokedAt: null, agentVersion: request.version, agentPlatform: request.platform ?? "", hostName: host.hostName || request.hostname },
    });
    if (via.tokenId) await tx.enrollmentToken.update({ where: { id: via.tokenId }, data: { usedAt: new Date(), usedByHost: host.id } });
    await writeAuditEntries(tx, [
      { actor: { type: "system", name: `agent@${request.bk_cloud_id}:${request.ip}` }, bizId: null, objectType: "host", objectId: host.id, objectName: `${request.bk_cloud_id}:${request.ip}`, action: "enroll_agent", after: { via: via.kind, version: request.version } },
    ]);
    return { agent_token: token, host_id: host.id };
  });
}

/** "<id>.<secret>" from the enrolment_token table, or the admin-set shared secret. */
async function consumeEnrollmentToken(tx: TTx, presented: string, cloudId: number, ip: string): Promise<{ kind: string; tokenId?: number }> {
  const shared = readOperationsEnv().PROCDECK_AGENT_ENROLL_SECRET;
  if (shared && shared.length === presented.length && timingSafeEqual(Buffer.from(shared), Buffer.from(presented))) return { kind: "enroll_secret" };

  const id = Number(presented.split(".")[0]);
  const refused = new ApiError("UNAUTHENTICATED", text("unknown, used or expired enrolment token", "注册令牌无效、已使用或已过期"));
  if (!Number.isInteger(id) || id <= 0) throw refused;
  const [row] = await tx.$queryRaw<{ id: number; token_hash: string; bk_cloud_id: number | null; ip: string | null }[]>`
    SELECT id, token_hash, bk_cloud_id, ip FROM enrollment_token
    WHERE id = ${id} AND used_at IS NULL AND expires_at > now() FOR UPDATE`;
  if (!row || !verifyToken(presented, row.token_hash)) throw refused;
  if ((row.bk_cloud_id !== null && row.bk_cloud_id !== cloudId) || (row.ip !== null && row.ip !== ip)) {
    throw new ApiError("FORBIDDEN", text(`this enrolment token is for ${row.bk_cloud_id}:${row.ip}`, `此注册令牌仅用于 ${row.bk_cloud_id}:${row.ip}`));
  }
  return { kind: "enrollment_token", tokenId: row.id };
}
