// An agent's long-poll, the fallback for networks that cut its socket (lib/api/agent-gateway/):
// the heartbeat and the work it should hold (accept-heartbeat.ts); with nothing queued it waits for a
// NOTIFY for its host, up to waitMs. A waiting poll whose agent hangs up (the agent died, its socket
// closed) marks the host offline at once, if it is still the host's latest poll.
import "server-only";
import { randomUUID } from "node:crypto";
import type { TPollReply, TPollRequest } from "@/lib/protocol/agent-protocol";
import { acceptHeartbeat, toReceiver, withUpgradeOrder } from "@/lib/operations/accept-heartbeat";
import type { TAgentHost } from "@/lib/operations/agent-token";
import { markDisconnected } from "@/lib/operations/agent-presence";
import { claimWork } from "@/lib/operations/claim-agent-work";
import { getWorkNotifier } from "@/lib/operations/work-notifier";

export async function pollAgentWork(host: TAgentHost, input: TPollRequest, signal?: AbortSignal): Promise<TPollReply> {
  // subscribed before the first look, so no NOTIFY falls in between
  const subscription = await getWorkNotifier().subscribe(host.id);
  const pollId = randomUUID();
  const first = await acceptHeartbeat(host, input, pollId);
  if (first.work.length || first.upgrade || input.waitMs === 0) {
    subscription.cancel();
    return first;
  }
  await subscription.wait(input.waitMs, signal);
  // an agent that hung up would never receive what it claimed: its rows would sit until their deadline
  if (signal?.aborted) {
    await markDisconnected(host.id, pollId);
    return { work: [] };
  }
  return withUpgradeOrder(host.id, input, await claimWork(host.id, toReceiver(input)), false);
}
