// Resource figures an agent sends with its heartbeat (lib/agent/stats-sampler.ts), stored on the
// managed_process row for the pid they were read from: the instance view shows them only while that
// pid is the one running. One statement for the whole list (none for an empty one); a figure for a
// process the server does not know yet is dropped (the managed list brings the row, the next
// heartbeat the figures).
import "server-only";
import { getPgPool } from "@/lib/core/db";
import type { TProcessStatsReport } from "@/lib/protocol/agent-protocol";

const UPDATE_SQL = `
  UPDATE managed_process m SET stats_pid = x.pid, cpu_percent = x."cpuPercent", mem_bytes = x."memBytes",
    proc_started_at = x."startedAt" AT TIME ZONE 'UTC', stats_at = now()
  FROM jsonb_to_recordset($2::jsonb) AS x(namespace text, name text, pid int, "cpuPercent" float8, "memBytes" bigint, "startedAt" timestamptz)
  WHERE m.bk_host_id = $1 AND m.namespace = x.namespace AND m.name = x.name`;

export async function recordProcessStats(hostId: number, stats: TProcessStatsReport[]): Promise<void> {
  if (!stats.length) return;
  // one entry per process: UPDATE … FROM takes an arbitrary one of duplicates
  const latest = JSON.stringify([...new Map(stats.map((entry) => [`${entry.namespace}\u0000${entry.name}`, entry])).values()]);
  await getPgPool().query({ name: "procdeck-process-stats", text: UPDATE_SQL, values: [hostId, latest] });
}
