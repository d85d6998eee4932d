// An agent's connection (its latest long-poll, or its socket) closed: the host reads offline in every
// instance at once, not after AGENT_OFFLINE_AFTER_SECS (which stays the rule for a silent network cut).
import "server-only";
import { getPgPool } from "@/lib/core/db";

/** Offline now, unless a newer poll or connection of the same agent has already taken over. */
export async function markDisconnected(hostId: number, presenceId: string): Promise<void> {
  await getPgPool().query({
    name: "procdeck-agent-hung-up",
    text: "UPDATE host SET agent_disconnected_at = now() WHERE bk_host_id = $1 AND agent_poll_id = $2",
    values: [hostId, presenceId],
  });
}
