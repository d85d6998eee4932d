import "server-only";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { setNameTaken } from "@/lib/topology/create-set";
import { SET_FLAG } from "@/lib/topology/idle-pool";
import { refusedInUse, setNotFound } from "@/lib/topology/topology-errors";
import { readTopologyName } from "@/lib/topology/topology-name";
import { text } from "@/lib/core/i18n";

export async function renameSet(bizId: number, setId: number, rawName: unknown, actor: TActor): Promise<{ setId: number; name: string }> {
  const name = readTopologyName(rawName, "bk_set_name");
  try {
    await getDb().$transaction(async (tx) => {
      const set = await tx.set.findFirst({ where: { id: setId, bizId }, select: { name: true, defaultFlag: true } });
      if (!set) throw setNotFound(setId, bizId);
      if (set.defaultFlag === SET_FLAG.idlePool) throw refusedInUse(text(`the idle pool set '${set.name}' is built in and cannot be renamed`, `空闲机池 '${set.name}' 是内置集群，不能重命名`));
      if (set.name === name) return;
      if (await tx.set.findUnique({ where: { bizId_name: { bizId, name } }, select: { id: true } })) throw setNameTaken(name);
      await tx.set.update({ where: { id: setId }, data: { name } });
      await writeAuditEntries(tx, [{ actor, bizId, objectType: "set", objectId: setId, objectName: name, action: "rename", before: { bk_set_name: set.name }, after: { bk_set_name: name } }]);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw setNameTaken(name);
    throw error;
  }
  return { setId, name };
}
