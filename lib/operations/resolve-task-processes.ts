// Which catalogue process a task row is about. Console rows name it (namespace GSEKIT_BIZ_<biz>, name =
// bk_process_name); GSEKit sends the same namespace through the GSE API; JOB rows are JOB_BIZ_<biz>
// with the value_key (or path) as name and the proc name in the spec. Only processes of the task's own
// business are matched: a row naming another business's namespace resolves to nothing.
import "server-only";
import { getDb } from "@/lib/core/db";

export type TRowProcessKey = { namespace: string; name: string; procName: string };
export type TResolvedProcess = { processId: number; name: string };

const NAMESPACE = /^(GSEKIT|JOB)_BIZ_(\d+)$/;

export function rowProcessKey(row: TRowProcessKey): string {
  return `${row.namespace}\u0000${row.name}\u0000${row.procName}`;
}

/** Per rowProcessKey, the catalogue process it resolves to (absent when none matches, or several do). */
export async function resolveTaskProcesses(bizId: number | null, rows: TRowProcessKey[]): Promise<Map<string, TResolvedProcess>> {
  const resolved = new Map<string, TResolvedProcess>();
  if (bizId === null) return resolved;
  const keys = new Map<string, TRowProcessKey & { kind: "GSEKIT" | "JOB" }>();
  for (const row of rows) {
    const match = NAMESPACE.exec(row.namespace);
    if (!match || Number(match[2]) !== bizId) continue;
    keys.set(rowProcessKey(row), { ...row, kind: match[1] as "GSEKIT" | "JOB" });
  }
  if (!keys.size) return resolved;
  const names = [...new Set([...keys.values()].flatMap((key) => [key.name, key.procName]).filter(Boolean))];
  const processes = await getDb().process.findMany({
    where: { bizId, OR: [{ bk_process_name: { in: names } }, { bk_func_name: { in: names } }] },
    select: { id: true, bk_process_name: true, bk_func_name: true },
  });
  const byName = new Map(processes.map((p) => [p.bk_process_name, p]));
  const byFunc = new Map<string, typeof processes>();
  for (const p of processes) byFunc.set(p.bk_func_name, [...(byFunc.get(p.bk_func_name) ?? []), p]);
  // a function name shared by several processes names none of them
  const uniqueFunc = (name: string) => (byFunc.get(name)?.length === 1 ? byFunc.get(name)![0] : undefined);
  for (const [key, row] of keys) {
    const found = byName.get(row.name) ?? (row.kind === "JOB" ? uniqueFunc(row.procName) : undefined) ?? uniqueFunc(row.name);
    if (found) resolved.set(key, { processId: found.id, name: found.bk_process_name });
  }
  return resolved;
}
