// Why modules cannot go away: hosts still in them, or bound names they are the last module of.
// Shared by module and set deletion (and module renaming, which drops the old name just the same).
import "server-only";
import type { TTx } from "@/lib/core/db";
import { findOrphanedBindings } from "@/lib/topology/find-orphaned-bindings";
import { listSome } from "@/lib/topology/topology-errors";
import { text, type TLocalText } from "@/lib/core/i18n";

export type TModuleRef = { id: number; name: string };

/** Hosts per module ("db (3 hosts)"), or null when they are empty. */
export async function describeHostsIn(tx: TTx, modules: readonly TModuleRef[]): Promise<TLocalText | null> {
  if (!modules.length) return null;
  const counts = await tx.hostModule.groupBy({ by: ["moduleId"], where: { moduleId: { in: modules.map((module) => module.id) } }, _count: { _all: true } });
  if (!counts.length) return null;
  const byId = new Map(modules.map((module) => [module.id, module.name]));
  const parts = counts.map((row) => ({ name: byId.get(row.moduleId) ?? String(row.moduleId), count: row._count._all }));
  return text(
    parts.map((part) => `${part.name} (${part.count} ${part.count === 1 ? "host" : "hosts"})`).join(", "),
    parts.map((part) => `${part.name}（${part.count} 台主机）`).join("、"),
  );
}

/** The bindings that would be orphaned ("gateway: nginx, haproxy"), or null when none. */
export async function describeOrphanedBindings(tx: TTx, bizId: number, modules: readonly TModuleRef[]): Promise<TLocalText | null> {
  const orphaned = await findOrphanedBindings(tx, bizId, modules.map((module) => module.id));
  if (!orphaned.length) return null;
  const parts = orphaned.map((row) => ({ name: row.moduleName, processes: listSome(row.processNames) }));
  return text(
    parts.map((part) => `'${part.name}' (bound: ${part.processes.en})`).join("; "),
    parts.map((part) => `'${part.name}'（绑定进程：${part.processes.zh}）`).join("；"),
  );
}
