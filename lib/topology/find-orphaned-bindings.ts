// Processes are bound to a module *name*. Deleting (or renaming) the last module of a bound name
// would leave those bindings pointing at nothing, so such changes are refused; this finds them.
import "server-only";
import type { TTx } from "@/lib/core/db";

export type TOrphanedBinding = { moduleName: string; processNames: string[] };

/** The bound names that would have no module left once `leavingModuleIds` stop carrying their names. */
export async function findOrphanedBindings(tx: TTx, bizId: number, leavingModuleIds: readonly number[]): Promise<TOrphanedBinding[]> {
  if (!leavingModuleIds.length) return [];
  const rows = await tx.$queryRaw<{ bk_module_name: string; process_names: string[] }[]>`
    SELECT b.bk_module_name, array_agg(p.bk_process_name ORDER BY p.bk_process_name) AS process_names
    FROM process_module_binding b
    JOIN process p ON p.bk_process_id = b.bk_process_id
    WHERE b.bk_biz_id = ${bizId}
      AND b.bk_module_name IN (SELECT bk_module_name FROM module WHERE bk_module_id = ANY(${[...leavingModuleIds]}::int[]))
      AND NOT EXISTS (
        SELECT 1 FROM module m
        WHERE m.bk_biz_id = ${bizId} AND m.bk_module_name = b.bk_module_name AND m."default" = 0
          AND NOT (m.bk_module_id = ANY(${[...leavingModuleIds]}::int[])))
    GROUP BY b.bk_module_name
    ORDER BY b.bk_module_name`;
  return rows.map((row) => ({ moduleName: row.bk_module_name, processNames: row.process_names }));
}
