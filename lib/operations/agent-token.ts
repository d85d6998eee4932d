// Agent tokens are "<hostId>.<secret>": the id finds the host in one lookup, only the salted hash of
// the whole token is stored.
import { ApiError } from "@/lib/api/errors";
import { generateSecret, hashToken, verifyToken } from "@/lib/access/secret-hash";
import { getDb } from "@/lib/db";
import { text } from "@/lib/i18n";

export type TAgentHost = { id: number; cloudId: number; innerIp: string };

export function issueAgentToken(hostId: number): { token: string; hash: string } {
  const token = `${hostId}.${generateSecret(32)}`;
  return { token, hash: hashToken(token) };
}

export async function authenticateAgent(req: Request): Promise<TAgentHost> {
  const header = req.headers.get("authorization") ?? "";
  const token = header.startsWith("Bearer ") ? header.slice(7).trim() : "";
  const hostId = Number(token.split(".")[0]);
  if (!token || !Number.isInteger(hostId) || hostId <= 0) {
    throw new ApiError("UNAUTHENTICATED", text("an agent token is required (Authorization: Bearer …)", "需要 Agent 令牌（Authorization: Bearer …）"));
  }
  const host = await getDb().host.findUnique({ where: { id: hostId }, select: { id: true, cloudId: true, innerIp: true, agentTokenHash: true, agentRevokedAt: true } });
  if (!host?.agentTokenHash || !verifyToken(token, host.agentTokenHash)) {
    throw new ApiError("UNAUTHENTICATED", text("unknown or replaced agent token", "Agent 令牌无效或已被替换"));
  }
  if (host.agentRevokedAt) throw new ApiError("FORBIDDEN", text("this agent was revoked; enrol it again", "此 Agent 已被吊销，请重新注册"));
  return { id: host.id, cloudId: host.cloudId, innerIp: host.innerIp };
}
