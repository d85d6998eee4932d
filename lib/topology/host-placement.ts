// Where hosts sit in one business, and the one way to change it: diff the host_module rows, write
// one "host_module" audit row per host that moved, naming its modules before and after as
// "set / module". Callers hold lockHostPlacement and have already checked the rules.
import "server-only";
import { writeAuditEntries, type TActor, type TAuditInput } from "@/lib/core/write-audit-entry";
import type { TTx } from "@/lib/core/db";
import { MODULE_FLAG } from "@/lib/topology/idle-pool";

export type TModuleInfo = { moduleId: number; setName: string; name: string; defaultFlag: number; label: string };
export type THostPlacement = { hostId: number; cloudId: number; ip: string; hostName: string; moduleIds: number[]; otherBusinesses: { bizId: number; name: string }[] };
export type TPlacementChange = { host: THostPlacement; after: number[]; action: string };

/** Every module of the business by id, with its "set / module" label. */
export async function readModules(tx: TTx, bizId: number): Promise<Map<number, TModuleInfo>> {
  const rows = await tx.module.findMany({ where: { bizId }, select: { id: true, name: true, defaultFlag: true, set: { select: { name: true } } } });
  return new Map(rows.map((row) => [row.id, { moduleId: row.id, setName: row.set.name, name: row.name, defaultFlag: row.defaultFlag, label: `${row.set.name} / ${row.name}` }]));
}

/** The hosts' modules in this business and the other businesses they sit in. Unknown ids are absent. */
export async function readPlacements(tx: TTx, bizId: number, hostIds: readonly number[]): Promise<Map<number, THostPlacement>> {
  if (!hostIds.length) return new Map();
  const rows = await tx.$queryRaw<{ bk_host_id: number; bk_cloud_id: number; bk_host_innerip: string; bk_host_name: string; module_id: number | null; biz_id: number | null; biz_name: string | null }[]>`
    SELECT h.bk_host_id, h.bk_cloud_id, h.bk_host_innerip, h.bk_host_name, m.bk_module_id AS module_id, m.bk_biz_id AS biz_id, b.bk_biz_name AS biz_name
    FROM host h
    LEFT JOIN host_module hm ON hm.bk_host_id = h.bk_host_id
    LEFT JOIN module m ON m.bk_module_id = hm.bk_module_id
    LEFT JOIN business b ON b.bk_biz_id = m.bk_biz_id
    WHERE h.bk_host_id = ANY(${[...hostIds]}::int[])
    ORDER BY h.bk_host_id, m.bk_module_id`;
  const placements = new Map<number, THostPlacement>();
  for (const row of rows) {
    let placement = placements.get(row.bk_host_id);
    if (!placement) {
      placement = { hostId: row.bk_host_id, cloudId: row.bk_cloud_id, ip: row.bk_host_innerip, hostName: row.bk_host_name, moduleIds: [], otherBusinesses: [] };
      placements.set(row.bk_host_id, placement);
    }
    if (row.module_id === null || row.biz_id === null) continue;
    if (row.biz_id === bizId) placement.moduleIds.push(row.module_id);
    else if (!placement.otherBusinesses.some((other) => other.bizId === row.biz_id)) placement.otherBusinesses.push({ bizId: row.biz_id, name: row.biz_name ?? "" });
  }
  return placements;
}

/**
 * The modules a host ends in when put into `target`. The idle and fault modules are exclusive (a host
 * there is nowhere else in the business, as in BlueKing); "move" replaces every module; "add" keeps
 * the host's ordinary modules.
 */
export function modulesAfterPlacing(current: readonly number[], target: TModuleInfo, mode: "add" | "move", modules: ReadonlyMap<number, TModuleInfo>): number[] {
  if (mode === "move" || target.defaultFlag !== MODULE_FLAG.ordinary) return [target.moduleId];
  const kept = current.filter((id) => id !== target.moduleId && modules.get(id)?.defaultFlag === MODULE_FLAG.ordinary);
  return [...kept, target.moduleId].sort((a, b) => a - b);
}

export function isSamePlacement(a: readonly number[], b: readonly number[]): boolean {
  const left = [...a].sort((x, y) => x - y);
  const right = [...b].sort((x, y) => x - y);
  return left.length === right.length && left.every((id, index) => id === right[index]);
}

export function labelsOf(moduleIds: readonly number[], modules: ReadonlyMap<number, TModuleInfo>): string[] {
  return moduleIds.map((id) => modules.get(id)?.label ?? String(id)).sort();
}

/** Applies the changes that change something; returns how many hosts moved. */
export async function writePlacements(tx: TTx, bizId: number, actor: TActor, changes: readonly TPlacementChange[], modules: ReadonlyMap<number, TModuleInfo>): Promise<number> {
  const real = changes.filter((change) => !isSamePlacement(change.host.moduleIds, change.after));
  if (!real.length) return 0;
  const removals = real.flatMap((change) => change.host.moduleIds.filter((id) => !change.after.includes(id)).map((moduleId) => ({ hostId: change.host.hostId, moduleId })));
  const additions = real.flatMap((change) => change.after.filter((id) => !change.host.moduleIds.includes(id)).map((moduleId) => ({ hostId: change.host.hostId, moduleId })));
  if (removals.length) {
    await tx.$executeRaw`
      DELETE FROM host_module hm USING unnest(${removals.map((row) => row.hostId)}::int[], ${removals.map((row) => row.moduleId)}::int[]) AS gone(host_id, module_id)
      WHERE hm.bk_host_id = gone.host_id AND hm.bk_module_id = gone.module_id`;
  }
  if (additions.length) await tx.hostModule.createMany({ data: additions, skipDuplicates: true });
  const audits: TAuditInput[] = real.map((change) => ({
    actor,
    bizId,
    objectType: "host_module",
    objectId: change.host.hostId,
    objectName: `${change.host.cloudId}:${change.host.ip}`,
    action: change.action,
    before: { modules: labelsOf(change.host.moduleIds, modules) },
    after: { modules: labelsOf(change.after, modules) },
  }));
  await writeAuditEntries(tx, audits);
  return real.length;
}
