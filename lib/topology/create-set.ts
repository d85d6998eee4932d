import "server-only";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { SET_FLAG } from "@/lib/topology/idle-pool";
import { nameTaken, readTopologyName } from "@/lib/topology/topology-name";
import { text } from "@/lib/core/i18n";

export async function createSet(bizId: number, rawName: unknown, actor: TActor): Promise<{ setId: number; name: string }> {
  const name = readTopologyName(rawName, "bk_set_name");
  try {
    return await getDb().$transaction(async (tx) => {
      if (await tx.set.findUnique({ where: { bizId_name: { bizId, name } }, select: { id: true } })) throw setNameTaken(name);
      const set = await tx.set.create({ data: { bizId, name, defaultFlag: SET_FLAG.ordinary } });
      await writeAuditEntries(tx, [{ actor, bizId, objectType: "set", objectId: set.id, objectName: name, action: "create", after: { bk_set_name: name } }]);
      return { setId: set.id, name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw setNameTaken(name);
    throw error;
  }
}

export function setNameTaken(name: string) {
  return nameTaken("bk_set_name", name, text("by another set of this business", "本业务的其他集群"));
}
