// Agent tokens are "<hostId>.<secret>": the id finds the host in one lookup, only the salted hash of
// the whole token is stored. Every agent call is checked against the host row (no cache: a revoked
// token stops working at once), on the pool directly: it runs twice per operated row.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { generateSecret, hashToken, verifyToken } from "@/lib/access/secret-hash";
import { getPgPool } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

export type TAgentHost = { id: number; cloudId: number; innerIp: string };

/** Host ids are PostgreSQL integers; a larger "id" in a token names no host. */
const MAX_HOST_ID = 2_147_483_647;

export function issueAgentToken(hostId: number): { token: string; hash: string } {
  const token = `${hostId}.${generateSecret(32)}`;
  return { token, hash: hashToken(token) };
}

export async function authenticateAgent(req: Request): Promise<TAgentHost> {
  const { id, cloudId, innerIp } = await authenticateAgentHeader(req.headers.get("authorization"));
  return { id, cloudId, innerIp };
}

/**
 * The check behind every agent call, from the Authorization header's value; `tokenHash` lets a
 * long-lived connection (the agent gateway) notice later that the token was replaced.
 */
export async function authenticateAgentHeader(header: string | null): Promise<TAgentHost & { tokenHash: string }> {
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : "";
  const hostId = Number(token.split(".")[0]);
  if (!token || !Number.isInteger(hostId) || hostId <= 0 || hostId > MAX_HOST_ID) {
    throw new ApiError("UNAUTHENTICATED", text("an agent token is required (Authorization: Bearer …)", "需要 Agent 令牌（Authorization: Bearer …）"));
  }
  const { rows } = await getPgPool().query<{ bk_cloud_id: number; bk_host_innerip: string; agent_token_hash: string | null; is_revoked: boolean }>({
    name: "procdeck-agent-auth",
    text: "SELECT bk_cloud_id, bk_host_innerip, agent_token_hash, agent_revoked_at IS NOT NULL AS is_revoked FROM host WHERE bk_host_id = $1",
    values: [hostId],
  });
  const host = rows[0];
  if (!host?.agent_token_hash || !verifyToken(token, host.agent_token_hash)) {
    throw new ApiError("UNAUTHENTICATED", text("unknown or replaced agent token", "Agent 令牌无效或已被替换"));
  }
  if (host.is_revoked) throw new ApiError("FORBIDDEN", text("this agent was revoked; enrol it again", "此 Agent 已被吊销，请重新注册"));
  return { id: hostId, cloudId: host.bk_cloud_id, innerIp: host.bk_host_innerip, tokenHash: host.agent_token_hash };
}
