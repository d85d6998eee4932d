// Renaming a module changes which bound processes apply to its hosts (bindings follow names), so
// renaming away the last module of a bound name is refused like deleting it would be.
import "server-only";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { moduleNameTaken } from "@/lib/topology/create-module";
import { describeOrphanedBindings } from "@/lib/topology/describe-module-blockers";
import { MODULE_FLAG } from "@/lib/topology/idle-pool";
import { moduleNotFound, refusedInUse } from "@/lib/topology/topology-errors";
import { readTopologyName } from "@/lib/topology/topology-name";
import { text } from "@/lib/core/i18n";

export async function renameModule(bizId: number, moduleId: number, rawName: unknown, actor: TActor): Promise<{ moduleId: number; name: string }> {
  const name = readTopologyName(rawName, "bk_module_name");
  try {
    await getDb().$transaction(async (tx) => {
      const module = await tx.module.findFirst({ where: { id: moduleId, bizId }, select: { name: true, defaultFlag: true, setId: true, set: { select: { name: true } } } });
      if (!module) throw moduleNotFound(moduleId, bizId);
      if (module.defaultFlag !== MODULE_FLAG.ordinary) throw refusedInUse(text(`'${module.name}' is a built-in module and cannot be renamed`, `'${module.name}' 是内置模块，不能重命名`));
      if (module.name === name) return;
      if (await tx.module.findUnique({ where: { setId_name: { setId: module.setId, name } }, select: { id: true } })) throw moduleNameTaken(name, module.set.name);
      const bindings = await describeOrphanedBindings(tx, bizId, [{ id: moduleId, name: module.name }]);
      if (bindings) {
        throw refusedInUse(
          text(
            `module '${module.name}' is the last module named ${bindings.en}; renaming it would leave those processes bound to nothing. Unbind them first, or create another module named '${module.name}'`,
            `模块 '${module.name}' 是最后一个名为 ${bindings.zh} 的模块，重命名会使这些进程的绑定失效。请先解除绑定，或先创建另一个名为 '${module.name}' 的模块`,
          ),
        );
      }
      await tx.module.update({ where: { id: moduleId }, data: { name } });
      await writeAuditEntries(tx, [
        { actor, bizId, objectType: "module", objectId: moduleId, objectName: `${module.set.name} / ${name}`, action: "rename", before: { bk_module_name: module.name }, after: { bk_module_name: name } },
      ]);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw moduleNameTaken(name, "");
    throw error;
  }
  return { moduleId, name };
}
