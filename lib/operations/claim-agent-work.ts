// Handing queued rows to agents. A row is claimed (claimed_at, claim_session, deadline) in the statement
// that hands it out, FOR UPDATE SKIP LOCKED, so concurrent polls, sockets and instances never hand a
// row out twice. Both statements run on the pool directly, as prepared statements: every agent runs
// them on every poll, and the gateway for every queued batch.
import "server-only";
import { getPgPool } from "@/lib/core/db";
import { readOperationsEnv } from "@/lib/core/env";
import type { TProcSpec, TWorkItem } from "@/lib/protocol/agent-protocol";
import { RESULT_CODE } from "@/lib/protocol/result-codes";

/** Rows per host per reply: a bounded reply; the rest comes with the next one. */
const CLAIM_BATCH = 100;
/** Rows per statement when one statement claims for many hosts. */
const MULTI_HOST_CLAIM_LIMIT = 5000;

export type TWorkReceiver = { session: string | null; holding: string[] };
export type THeartbeat = { version: string; platform?: string; pollId: string };

type TClaimedRow = { id: string; bk_host_id: number; op_type: number; namespace: string; name: string; spec: TProcSpec };

const DEADLINE = `now() + make_interval(secs => (r.spec->>'opTimeout')::int + (r.spec->>'startCheckSecs')::int + $4)`;

/**
 * Claims up to CLAIM_BATCH queued rows of one host; with `heartbeat`, also records that the agent is
 * alive (same statement). Rows claimed earlier for the same agent session that the agent does not
 * hold are claimed again: the reply that carried them was lost (an instance killed after claiming, a
 * dropped connection).
 */
export async function claimWork(hostId: number, receiver: TWorkReceiver, heartbeat?: THeartbeat): Promise<TWorkItem[]> {
  const { rows } = await getPgPool().query<TClaimedRow>({
    name: "procdeck-agent-claim",
    text: `
      WITH seen AS (
        UPDATE host SET agent_last_seen_at = now(), agent_version = $2, agent_platform = coalesce($6, agent_platform), agent_poll_id = $7, agent_disconnected_at = NULL WHERE bk_host_id = $1 AND $3::boolean
      )
      UPDATE task_row r SET claimed_at = now(), claim_session = $8, deadline = ${DEADLINE}
      WHERE r.id IN (
        SELECT id FROM task_row WHERE bk_host_id = $1 AND code = ${RESULT_CODE.RUNNING}
          AND (claimed_at IS NULL OR ($8::text IS NOT NULL AND claim_session = $8 AND NOT (id::text = ANY($9::text[]))))
          -- a revoke that lands while the poll waits: the agent gets nothing more
          AND NOT EXISTS (SELECT 1 FROM host h WHERE h.bk_host_id = $1 AND h.agent_revoked_at IS NOT NULL)
        ORDER BY id LIMIT $5 FOR UPDATE SKIP LOCKED)
      RETURNING r.id, r.bk_host_id, r.op_type, r.namespace, r.name, r.spec`,
    values: [hostId, heartbeat?.version ?? "", heartbeat !== undefined, readOperationsEnv().PROCDECK_REPORT_SLACK_SECS, CLAIM_BATCH, heartbeat?.platform ?? null, heartbeat?.pollId ?? null, receiver.session, receiver.holding],
  });
  return rows.map(toWorkItem);
}

export type TQueuedWork = {
  work: Map<number, TWorkItem[]>;
  /** hosts whose agent may no longer be served: deleted, revoked, or its token replaced (`tokenHash` differs) */
  refused: Set<number>;
  /** the statement hit its limit: more may be queued for these hosts */
  isTruncated: boolean;
};

/**
 * The agent gateway's claim: every unclaimed queued row of the named hosts, in one statement, however
 * many hosts a task names, and in the same statement the hosts that must be dropped.
 */
export async function claimQueuedWork(receivers: { hostId: number; session: string; tokenHash: string }[]): Promise<TQueuedWork> {
  const { rows } = await getPgPool().query<TClaimedRow & { is_refused: boolean }>({
    name: "procdeck-gateway-claim",
    text: `
      WITH want AS (
        -- a deleted host has no row: refused too
        SELECT w.host_id, w.session, (h.bk_host_id IS NULL OR h.agent_revoked_at IS NOT NULL OR h.agent_token_hash IS DISTINCT FROM w.token_hash) AS is_refused
        FROM unnest($1::int[], $2::text[], $3::text[]) AS w(host_id, session, token_hash)
        LEFT JOIN host h ON h.bk_host_id = w.host_id
      ), picked AS (
        SELECT t.id, w.session FROM task_row t JOIN want w ON t.bk_host_id = w.host_id AND NOT w.is_refused
        WHERE t.code = ${RESULT_CODE.RUNNING} AND t.claimed_at IS NULL
        ORDER BY t.id LIMIT $5 FOR UPDATE OF t SKIP LOCKED
      ), claimed AS (
        UPDATE task_row r SET claimed_at = now(), claim_session = p.session, deadline = ${DEADLINE}
        FROM picked p WHERE r.id = p.id
        RETURNING r.id, r.bk_host_id, r.op_type, r.namespace, r.name, r.spec, false AS is_refused
      )
      SELECT * FROM claimed
      UNION ALL
      SELECT NULL, host_id, NULL, NULL, NULL, NULL, true FROM want WHERE is_refused`,
    values: [receivers.map((r) => r.hostId), receivers.map((r) => r.session), receivers.map((r) => r.tokenHash), readOperationsEnv().PROCDECK_REPORT_SLACK_SECS, MULTI_HOST_CLAIM_LIMIT],
  });
  const work = new Map<number, TWorkItem[]>();
  const refused = new Set<number>();
  let claimed = 0;
  for (const row of rows) {
    if (row.is_refused) {
      refused.add(row.bk_host_id);
      continue;
    }
    claimed += 1;
    const items = work.get(row.bk_host_id) ?? [];
    items.push(toWorkItem(row));
    work.set(row.bk_host_id, items);
  }
  return { work, refused, isTruncated: claimed >= MULTI_HOST_CLAIM_LIMIT };
}

/** bigint ids arrive as text from pg */
function toWorkItem(row: TClaimedRow): TWorkItem {
  return { rowId: String(row.id), opType: row.op_type, namespace: row.namespace, name: row.name, spec: row.spec };
}
