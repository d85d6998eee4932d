// The live state of catalogue processes across their hosts, for the process list's state column and
// its filter: one aggregate statement for a page (or for the whole business when filtering), never a
// query per process. Per host of a process (every host of every module bound to it, idle pool
// excluded): running — its agent is online and last reported the process running; stopped — online,
// reported not running; unreachable — the agent is offline, revoked or never enrolled (what it last
// said no longer counts); unknown — online but it never reported this process.
// Per process:
//   no_hosts  bound to no host
//   running   running on every host ("running 3/3")
//   partial   running on some ("running 2/4")
//   offline   no host's agent is reachable
//   stopped   running nowhere, and at least one reachable host reported it stopped
//   unknown   running nowhere, and no reachable host ever reported it
import "server-only";
import { z } from "zod";
import { getPgPool } from "@/lib/core/db";
import { AGENT_OFFLINE_AFTER_SECS } from "@/lib/protocol/agent-protocol";
import type { TLiveState } from "@/lib/processes/process-list-view";

export type TProcessLiveState = { processId: number; state: TLiveState; total: number; running: number; stopped: number; unreachable: number };

/** $1 business, $2 process ids or null (all of the business), $3 a state or null (any). */
const STATES_SQL = `
  WITH procs AS (
    SELECT p.bk_process_id, p.bk_process_name FROM process p
    WHERE p.bk_biz_id = $1 AND ($2::int[] IS NULL OR p.bk_process_id = ANY($2::int[]))
  ), placed AS (
    SELECT DISTINCT pr.bk_process_id, pr.bk_process_name, hm.bk_host_id
    FROM procs pr
    JOIN process_module_binding b ON b.bk_process_id = pr.bk_process_id
    JOIN module m ON m.bk_biz_id = b.bk_biz_id AND m.bk_module_name = b.bk_module_name AND m."default" = 0
    JOIN host_module hm ON hm.bk_module_id = m.bk_module_id
  ), per_host AS (
    SELECT x.bk_process_id,
      (h.agent_revoked_at IS NULL AND h.agent_token_hash IS NOT NULL AND h.agent_disconnected_at IS NULL
        AND h.agent_last_seen_at > now() - make_interval(secs => ${AGENT_OFFLINE_AFTER_SECS})) AS is_reachable,
      mp.is_running
    FROM placed x
    JOIN host h ON h.bk_host_id = x.bk_host_id
    LEFT JOIN managed_process mp ON mp.bk_host_id = x.bk_host_id AND mp.namespace = 'GSEKIT_BIZ_' || $1::int AND mp.name = x.bk_process_name
  ), counted AS (
    SELECT pr.bk_process_id,
      count(ph.bk_process_id)::int AS total,
      count(*) FILTER (WHERE ph.is_reachable AND ph.is_running)::int AS running,
      count(*) FILTER (WHERE ph.is_reachable AND NOT ph.is_running)::int AS stopped,
      count(*) FILTER (WHERE NOT ph.is_reachable)::int AS unreachable
    FROM procs pr LEFT JOIN per_host ph ON ph.bk_process_id = pr.bk_process_id
    GROUP BY pr.bk_process_id
  ), judged AS (
    SELECT c.*, CASE WHEN total = 0 THEN 'no_hosts' WHEN running = total THEN 'running' WHEN running > 0 THEN 'partial'
      WHEN unreachable = total THEN 'offline' WHEN stopped > 0 THEN 'stopped' ELSE 'unknown' END AS state
    FROM counted c
  )
  SELECT bk_process_id, state, total, running, stopped, unreachable FROM judged WHERE $3::text IS NULL OR state = $3::text`;

type TRow = { bk_process_id: number; state: TLiveState; total: number; running: number; stopped: number; unreachable: number };

async function queryStates(bizId: number, processIds: number[] | null, state: TLiveState | null): Promise<TRow[]> {
  const { rows } = await getPgPool().query<TRow>({ name: "procdeck-process-live-states", text: STATES_SQL, values: [bizId, processIds, state] });
  return rows;
}

/** The states of these processes of the business (others are left out). */
export async function listProcessLiveStates(bizId: number, processIds: number[]): Promise<TProcessLiveState[]> {
  if (!processIds.length) return [];
  const rows = await queryStates(bizId, processIds, null);
  return rows.map((row) => ({ processId: row.bk_process_id, state: row.state, total: row.total, running: row.running, stopped: row.stopped, unreachable: row.unreachable }));
}

/** The ids of the business's processes in `state` (the list's filter). */
export async function findProcessIdsInState(bizId: number, state: TLiveState): Promise<number[]> {
  return (await queryStates(bizId, null, state)).map((row) => row.bk_process_id);
}

/** ?ids=1,2,3 (a page of the list: at most 200). */
export const ZLiveStatesQuery = z.strictObject({
  ids: z
    .string()
    .max(2400)
    .transform((value) => value.split(",").filter(Boolean).map(Number))
    .refine((ids) => ids.length <= 200 && ids.every((id) => Number.isInteger(id) && id > 0 && id <= 2_147_483_647), "up to 200 process ids, comma-separated"),
});
