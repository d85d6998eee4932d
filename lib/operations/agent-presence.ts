// An agent's connection (its latest long-poll, or its socket) closed: the host reads offline in every
// instance at once, not after AGENT_OFFLINE_AFTER_SECS (which stays the rule for a silent network cut).
import "server-only";
import { getPgPool } from "@/lib/core/db";
import { RESULT_CODE } from "@/lib/protocol/result-codes";

/**
 * Offline now, unless a newer poll or connection of the same agent has already taken over. In the same
 * statement, `unconfirmedRowIds` (rows this connection sent that the agent never confirmed) go back to
 * the queue: nothing ran them, so they end 117 with the host (task-lifecycle.ts) or go to its next
 * connection, instead of waiting out their deadline. A newer connection keeps them: it may be serving
 * them already.
 */
export async function markDisconnected(hostId: number, presenceId: string, unconfirmedRowIds: string[] = []): Promise<void> {
  await getPgPool().query({
    name: "procdeck-agent-hung-up-v2",
    text: `
      WITH released AS (
        UPDATE task_row r SET claimed_at = NULL, claim_session = NULL, deadline = NULL
        FROM host h
        WHERE h.bk_host_id = $1 AND h.agent_poll_id = $2 AND r.bk_host_id = $1 AND r.id = ANY($3::bigint[]) AND r.code = ${RESULT_CODE.RUNNING}
      )
      UPDATE host SET agent_disconnected_at = now() WHERE bk_host_id = $1 AND agent_poll_id = $2`,
    values: [hostId, presenceId, unconfirmedRowIds],
  });
}
