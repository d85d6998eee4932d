// Demo data that tells a story: business "Demo" (bk_biz_id 2) with two sets, the idle/fault modules,
// hosts on 127.0.0.x and a bound process catalogue. Loaded once, in one transaction.
import { writeAuditEntries } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { DEMO_PROCESSES } from "./demo-processes";

const DEMO_BIZ_ID = 2;
const MARKER = "demo_data_loaded_at";

const TOPOLOGY: { set: string; modules: { name: string; hosts: string[] }[] }[] = [
  { set: "set-a", modules: [{ name: "gateway", hosts: ["127.0.0.11", "127.0.0.12"] }, { name: "db", hosts: ["127.0.0.13"] }, { name: "cache", hosts: ["127.0.0.14"] }] },
  { set: "set-b", modules: [{ name: "gateway", hosts: ["127.0.0.21"] }, { name: "db", hosts: ["127.0.0.22"] }] },
];

/** Loads the demo data unless it was loaded before (even if since deleted). Returns whether it did. */
export async function loadDemoDataOnce(): Promise<boolean> {
  const db = getDb();
  if (await db.setting.findUnique({ where: { key: MARKER } })) return false;

  await db.$transaction(async (tx) => {
    await tx.setting.create({ data: { key: MARKER, value: new Date().toISOString() } });
    await tx.business.create({ data: { id: DEMO_BIZ_ID, name: "Demo", supplierAccount: "0" } });
    // explicit id 2 above: move the sequence past it so the next business does not collide
    await tx.$executeRaw`SELECT setval(pg_get_serial_sequence('business', 'bk_biz_id'), GREATEST((SELECT max(bk_biz_id) FROM business), 1))`;

    const idlePool = await tx.set.create({ data: { bizId: DEMO_BIZ_ID, name: "空闲机池", defaultFlag: 1 } });
    const idle = await tx.module.create({ data: { bizId: DEMO_BIZ_ID, setId: idlePool.id, name: "空闲机", defaultFlag: 1 } });
    await tx.module.create({ data: { bizId: DEMO_BIZ_ID, setId: idlePool.id, name: "故障机", defaultFlag: 2 } });
    const spare = await tx.host.create({ data: { innerIp: "127.0.0.30", cloudId: 0, hostName: "demo-spare-30" } });
    await tx.hostModule.create({ data: { hostId: spare.id, moduleId: idle.id } });

    for (const { set, modules } of TOPOLOGY) {
      const setRow = await tx.set.create({ data: { bizId: DEMO_BIZ_ID, name: set } });
      for (const module of modules) {
        const moduleRow = await tx.module.create({ data: { bizId: DEMO_BIZ_ID, setId: setRow.id, name: module.name } });
        for (const ip of module.hosts) {
          const host = await tx.host.create({ data: { innerIp: ip, cloudId: 0, hostName: `demo-${module.name}-${ip.split(".")[3]}` } });
          await tx.hostModule.create({ data: { hostId: host.id, moduleId: moduleRow.id } });
        }
      }
    }

    for (const { modules, ...attributes } of DEMO_PROCESSES) {
      const process = await tx.process.create({ data: { ...attributes, bizId: DEMO_BIZ_ID, supplierAccount: "0" } });
      if (modules.length) {
        await tx.processModuleBinding.createMany({ data: modules.map((moduleName) => ({ bizId: DEMO_BIZ_ID, processId: process.id, moduleName })) });
      }
    }
    await writeAuditEntries(tx, [
      { actor: { type: "system", name: "procdeck" }, bizId: DEMO_BIZ_ID, objectType: "business", objectId: DEMO_BIZ_ID, objectName: "Demo", action: "load_demo_data" },
    ]);
  });
  return true;
}
