// The agent's view of its managed processes is the truth the console's process-instance view shows.
// The agent sends it with a poll or report when it changed since the server last took it, once after
// each agent start or failed call, and now and then anyway (lib/agent/managed-list-sync.ts); an empty
// list means "unchanged". One statement for the whole list (none for an empty one), inside the
// caller's transaction when it has one; updated_at moves only when something changed, so it reads as
// "last change" and an unchanged list writes nothing.
import "server-only";
import { getPgPool, type TTx } from "@/lib/core/db";
import type { TManagedState } from "@/lib/protocol/agent-protocol";

/** One statement for the whole list; updated_at moves only for a process whose state changed. */
const UPSERT_SQL = `
  INSERT INTO managed_process (bk_host_id, namespace, name, spec, is_managed, is_running, pid, restart_count, last_event, updated_at)
  SELECT $1, x.namespace, x.name, x.spec, x."isManaged", x."isRunning", x.pid, x."restartCount", x."lastEvent", now()
  FROM jsonb_to_recordset($2::jsonb)
    AS x(namespace text, name text, spec jsonb, "isManaged" boolean, "isRunning" boolean, pid int, "restartCount" int, "lastEvent" text)
  ON CONFLICT (bk_host_id, namespace, name) DO UPDATE SET
    spec = EXCLUDED.spec, is_managed = EXCLUDED.is_managed, is_running = EXCLUDED.is_running, pid = EXCLUDED.pid,
    restart_count = EXCLUDED.restart_count, last_event = EXCLUDED.last_event, updated_at = EXCLUDED.updated_at
  WHERE (managed_process.spec, managed_process.is_managed, managed_process.is_running, managed_process.pid, managed_process.restart_count, managed_process.last_event)
    IS DISTINCT FROM (EXCLUDED.spec, EXCLUDED.is_managed, EXCLUDED.is_running, EXCLUDED.pid, EXCLUDED.restart_count, EXCLUDED.last_event)`;

/** In `tx` when given (a report's transaction), else on the pool as a prepared statement (a poll). */
export async function recordManagedStates(tx: TTx | null, hostId: number, states: TManagedState[]): Promise<void> {
  if (!states.length) return;
  // one entry per process: ON CONFLICT may not touch the same row twice in one statement
  const latest = JSON.stringify([...new Map(states.map((state) => [`${state.namespace}\u0000${state.name}`, state])).values()]);
  // a constant statement with bound parameters: nothing from the request is spliced into the SQL
  if (tx) await tx.$executeRawUnsafe(UPSERT_SQL, hostId, latest);
  else await getPgPool().query({ name: "procdeck-managed-upsert", text: UPSERT_SQL, values: [hostId, latest] });
}
