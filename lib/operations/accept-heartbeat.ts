// What every agent heartbeat does, whether it came as a long-poll (poll-agent-work.ts) or over the
// agent's socket (lib/api/agent-gateway/): record that the agent is alive (naming its poll or
// connection, for presence), its managed list and resource figures, settle overdue rows, and answer
// with the work it should hold and an upgrade order.
import "server-only";
import type { TPollReply, TPollRequest } from "@/lib/protocol/agent-protocol";
import type { TAgentHost } from "@/lib/operations/agent-token";
import { readUpgradeOrder } from "@/lib/operations/agent-upgrade";
import { claimWork } from "@/lib/operations/claim-agent-work";
import { recordManagedStates } from "@/lib/operations/record-managed-states";
import { recordProcessStats } from "@/lib/operations/record-process-stats";
import { settleOverdueRows } from "@/lib/operations/task-lifecycle";

export type THeartbeatInput = Omit<TPollRequest, "waitMs">;

/** `presenceId` names this poll or connection: its hang-up marks the host offline (markDisconnected). */
export async function acceptHeartbeat(host: TAgentHost, input: THeartbeatInput, presenceId: string): Promise<TPollReply> {
  // the heartbeat goes with the first claim, before the sweep, so a returning agent's own sweep never
  // counts it offline
  const work = await claimWork(host.id, toReceiver(input), { version: input.version, platform: input.platform, pollId: presenceId });
  await recordManagedStates(null, host.id, input.managed);
  await recordProcessStats(host.id, input.stats);
  await settleOverdueRows();
  return withUpgradeOrder(host.id, input, work, true);
}

/**
 * The reply to a heartbeat or a woken poll: `work`, and the upgrade order when there is one.
 * `isSettling`: also settle an upgrade the reported version finished. Only agents that report their
 * platform know the order (an older one would be sent it, and ignore it, on every heartbeat).
 */
export async function withUpgradeOrder(hostId: number, input: Pick<THeartbeatInput, "platform" | "version">, work: TPollReply["work"], isSettling: boolean): Promise<TPollReply> {
  const upgrade = input.platform !== undefined ? await readUpgradeOrder(hostId, input.version, isSettling) : undefined;
  return { work, ...(upgrade && { upgrade }) };
}

export function toReceiver(input: Pick<THeartbeatInput, "session" | "holding">) {
  return { session: input.session ?? null, holding: input.holding };
}
