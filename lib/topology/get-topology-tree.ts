// The topology page's tree: sets (idle pool first) → modules, each with its host count, and for each
// module name the processes bound to it (so the page can say why a delete would be refused).
import "server-only";
import { getDb } from "@/lib/core/db";

export type TModuleNode = { moduleId: number; name: string; defaultFlag: number; hostCount: number };
export type TSetNode = { setId: number; name: string; defaultFlag: number; hostCount: number; modules: TModuleNode[] };
export type TTopologyTree = {
  sets: TSetNode[];
  /** distinct hosts in any module of the business */
  hostCount: number;
  /** module name → names of the processes bound to it */
  bindings: Record<string, string[]>;
};

export async function getTopologyTree(bizId: number): Promise<TTopologyTree> {
  const db = getDb();
  const [sets, modules, bindings, hosts] = await Promise.all([
    db.set.findMany({ where: { bizId }, orderBy: [{ defaultFlag: "desc" }, { name: "asc" }], select: { id: true, name: true, defaultFlag: true } }),
    db.$queryRaw<{ bk_module_id: number; bk_set_id: number; bk_module_name: string; default: number; hosts: number }[]>`
      SELECT m.bk_module_id, m.bk_set_id, m.bk_module_name, m."default", count(hm.bk_host_id)::int AS hosts
      FROM module m LEFT JOIN host_module hm ON hm.bk_module_id = m.bk_module_id
      WHERE m.bk_biz_id = ${bizId}
      GROUP BY m.bk_module_id
      ORDER BY m."default" = 0, m."default", m.bk_module_name`,
    db.$queryRaw<{ bk_module_name: string; names: string[] }[]>`
      SELECT b.bk_module_name, array_agg(p.bk_process_name ORDER BY p.bk_process_name) AS names
      FROM process_module_binding b JOIN process p ON p.bk_process_id = b.bk_process_id
      WHERE b.bk_biz_id = ${bizId}
      GROUP BY b.bk_module_name`,
    db.$queryRaw<{ bk_set_id: number | null; hosts: number }[]>`
      SELECT m.bk_set_id, count(DISTINCT hm.bk_host_id)::int AS hosts
      FROM host_module hm JOIN module m ON m.bk_module_id = hm.bk_module_id
      WHERE m.bk_biz_id = ${bizId}
      GROUP BY ROLLUP(m.bk_set_id)`,
  ]);
  const setHosts = new Map(hosts.filter((row) => row.bk_set_id !== null).map((row) => [row.bk_set_id, row.hosts]));
  return {
    sets: sets.map((set) => ({
      setId: set.id,
      name: set.name,
      defaultFlag: set.defaultFlag,
      hostCount: setHosts.get(set.id) ?? 0,
      modules: modules
        .filter((module) => module.bk_set_id === set.id)
        .map((module) => ({ moduleId: module.bk_module_id, name: module.bk_module_name, defaultFlag: module.default, hostCount: module.hosts })),
    })),
    hostCount: hosts.find((row) => row.bk_set_id === null)?.hosts ?? 0,
    bindings: Object.fromEntries(bindings.map((row) => [row.bk_module_name, row.names])),
  };
}
