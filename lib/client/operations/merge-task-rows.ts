// A poll of a running task brings only the rows changed since the last one (get-task-detail.ts,
// `since`): they replace their older selves in the task held, in place. Browser-safe and pure.
import type { TTaskDetail } from "@/lib/operations/get-task-detail";

export function mergeTaskRows(held: TTaskDetail, changed: TTaskDetail): TTaskDetail {
  if (!changed.isPartial) return changed;
  const byId = new Map(changed.rows.map((row) => [row.id, row]));
  const rows = byId.size ? held.rows.map((row) => byId.get(row.id) ?? row) : held.rows;
  const processes = [...held.processes];
  for (const process of changed.processes) if (!processes.some((p) => p.processId === process.processId)) processes.push(process);
  return { ...changed, rows, processes, isPartial: false };
}
