// One reading of a host agent's state, shared by the hosts page, the agents list and revocation.
import { AGENT_OFFLINE_AFTER_SECS } from "@/lib/protocol/agent-protocol";

export type TAgentState = "online" | "offline" | "revoked" | "none";

/** `agentDisconnectedAt`: the agent hung up on its latest poll (lib/operations/poll-agent-work.ts): offline at once. */
export function readAgentState(host: { agentTokenHash: string | null; agentRevokedAt: Date | null; agentLastSeenAt: Date | null; agentDisconnectedAt?: Date | null }, now = Date.now()): TAgentState {
  if (host.agentRevokedAt) return "revoked";
  if (!host.agentTokenHash) return "none";
  if (host.agentDisconnectedAt) return "offline";
  return host.agentLastSeenAt && host.agentLastSeenAt.getTime() > now - AGENT_OFFLINE_AFTER_SECS * 1000 ? "online" : "offline";
}
