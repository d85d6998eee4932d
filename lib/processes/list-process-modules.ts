import "server-only";
import { getDb } from "@/lib/core/db";
import { processNotFound } from "@/lib/processes/assert-valid-input";
import type { TBusinessRef } from "@/lib/core/business-ref";

export type TModuleBindingRow = { bk_module_name: string; set_num: number; is_bind: 0 | 1 };

/** get_process_bind_module: every ordinary module name of the business, bound names first, then by name. */
export async function listProcessModules(business: TBusinessRef, processId: number): Promise<TModuleBindingRow[]> {
  const db = getDb();
  const [process, modules, bindings] = await Promise.all([
    db.process.findFirst({ where: { id: processId, bizId: business.id }, select: { id: true } }),
    db.$queryRaw<{ name: string; set_num: number }[]>`
      SELECT bk_module_name AS name, count(DISTINCT bk_set_id)::int AS set_num
      FROM module WHERE bk_biz_id = ${business.id} AND "default" = 0 GROUP BY bk_module_name`,
    db.processModuleBinding.findMany({ where: { processId, bizId: business.id }, select: { moduleName: true } }),
  ]);
  if (!process) throw processNotFound(processId, business.id);

  const bound = new Set(bindings.map((b) => b.moduleName));
  const setNumByName = new Map(modules.map((m) => [m.name, m.set_num]));
  const names = new Set([...setNumByName.keys(), ...bound]); // a bound name whose modules are gone shows set_num 0
  return [...names]
    .map((name) => ({ bk_module_name: name, set_num: setNumByName.get(name) ?? 0, is_bind: bound.has(name) ? (1 as const) : (0 as const) }))
    .sort((a, b) => b.is_bind - a.is_bind || a.bk_module_name.localeCompare(b.bk_module_name));
}
