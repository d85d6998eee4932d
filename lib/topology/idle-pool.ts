// Every business has a built-in idle pool set (default 1) holding the idle module (default 1), where
// hosts wait for work, and the fault module (default 2), as in BlueKing. They are created with the
// business and can be neither renamed nor deleted.
import "server-only";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import type { TTx } from "@/lib/core/db";

export const IDLE_POOL_SET_NAME = "空闲机池";
export const IDLE_MODULE_NAME = "空闲机";
export const FAULT_MODULE_NAME = "故障机";

export const SET_FLAG = { ordinary: 0, idlePool: 1 } as const;
export const MODULE_FLAG = { ordinary: 0, idle: 1, fault: 2 } as const;

export type TIdlePool = { setId: number; idleModuleId: number; faultModuleId: number };

/** Creates the idle pool of a new business (the caller writes the business's own audit row). */
export async function createIdlePool(tx: TTx, bizId: number): Promise<TIdlePool> {
  const set = await tx.set.create({ data: { bizId, name: IDLE_POOL_SET_NAME, defaultFlag: SET_FLAG.idlePool } });
  const idle = await tx.module.create({ data: { bizId, setId: set.id, name: IDLE_MODULE_NAME, defaultFlag: MODULE_FLAG.idle } });
  const fault = await tx.module.create({ data: { bizId, setId: set.id, name: FAULT_MODULE_NAME, defaultFlag: MODULE_FLAG.fault } });
  return { setId: set.id, idleModuleId: idle.id, faultModuleId: fault.id };
}

/**
 * The business's idle module. Businesses made outside the console (older data, direct SQL) may lack
 * the pool; it is created then, with its audit row, so a host taken out of its last module always has
 * somewhere to go.
 */
export async function ensureIdleModule(tx: TTx, bizId: number, actor: TActor): Promise<number> {
  const idle = await tx.module.findFirst({ where: { bizId, defaultFlag: MODULE_FLAG.idle }, orderBy: { id: "asc" }, select: { id: true } });
  if (idle) return idle.id;
  const existingPool = await tx.set.findFirst({ where: { bizId, defaultFlag: SET_FLAG.idlePool }, select: { id: true, name: true } });
  if (existingPool) {
    const module = await tx.module.create({ data: { bizId, setId: existingPool.id, name: IDLE_MODULE_NAME, defaultFlag: MODULE_FLAG.idle } });
    await writeAuditEntries(tx, [
      { actor, bizId, objectType: "module", objectId: module.id, objectName: `${existingPool.name} / ${IDLE_MODULE_NAME}`, action: "create", after: { bk_set_name: existingPool.name, bk_module_name: IDLE_MODULE_NAME, default: MODULE_FLAG.idle } },
    ]);
    return module.id;
  }
  const pool = await createIdlePool(tx, bizId);
  await writeAuditEntries(tx, [
    { actor, bizId, objectType: "set", objectId: pool.setId, objectName: IDLE_POOL_SET_NAME, action: "create", after: { bk_set_name: IDLE_POOL_SET_NAME, default: SET_FLAG.idlePool, modules: [IDLE_MODULE_NAME, FAULT_MODULE_NAME] } },
  ]);
  return pool.idleModuleId;
}
