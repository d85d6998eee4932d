import "server-only";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { MODULE_FLAG, SET_FLAG } from "@/lib/topology/idle-pool";
import { refusedInUse, setNotFound } from "@/lib/topology/topology-errors";
import { nameTaken, readTopologyName } from "@/lib/topology/topology-name";
import { text } from "@/lib/core/i18n";

export async function createModule(bizId: number, setId: number, rawName: unknown, actor: TActor): Promise<{ moduleId: number; name: string }> {
  const name = readTopologyName(rawName, "bk_module_name");
  try {
    return await getDb().$transaction(async (tx) => {
      const set = await tx.set.findFirst({ where: { id: setId, bizId }, select: { name: true, defaultFlag: true } });
      if (!set) throw setNotFound(setId, bizId);
      if (set.defaultFlag === SET_FLAG.idlePool) {
        throw refusedInUse(text(`the idle pool set '${set.name}' holds only the idle and fault modules; create the module in another set`, `空闲机池 '${set.name}' 只包含空闲机和故障机模块，请在其他集群中创建模块`));
      }
      if (await tx.module.findUnique({ where: { setId_name: { setId, name } }, select: { id: true } })) throw moduleNameTaken(name, set.name);
      const module = await tx.module.create({ data: { bizId, setId, name, defaultFlag: MODULE_FLAG.ordinary } });
      await writeAuditEntries(tx, [
        { actor, bizId, objectType: "module", objectId: module.id, objectName: `${set.name} / ${name}`, action: "create", after: { bk_set_name: set.name, bk_module_name: name } },
      ]);
      return { moduleId: module.id, name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw moduleNameTaken(name, "");
    throw error;
  }
}

export function moduleNameTaken(name: string, setName: string) {
  return nameTaken("bk_module_name", name, setName ? text(`by another module of set '${setName}'`, `集群 '${setName}' 的其他模块`) : text("by another module of this set", "本集群的其他模块"));
}
