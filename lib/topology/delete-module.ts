// Refused for the idle and fault modules, while the module holds hosts, or while it is the last
// module of a name that processes are bound to.
import "server-only";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { describeHostsIn, describeOrphanedBindings } from "@/lib/topology/describe-module-blockers";
import { MODULE_FLAG } from "@/lib/topology/idle-pool";
import { lockHostPlacement } from "@/lib/topology/lock-host-placement";
import { moduleNotFound, refusedInUse } from "@/lib/topology/topology-errors";
import { text } from "@/lib/core/i18n";

export async function deleteModule(bizId: number, moduleId: number, actor: TActor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await lockHostPlacement(tx);
    const module = await tx.module.findFirst({ where: { id: moduleId, bizId }, select: { name: true, defaultFlag: true, set: { select: { name: true } } } });
    if (!module) throw moduleNotFound(moduleId, bizId);
    const label = `${module.set.name} / ${module.name}`;
    if (module.defaultFlag !== MODULE_FLAG.ordinary) throw refusedInUse(text(`'${module.name}' is a built-in module and cannot be deleted`, `'${module.name}' 是内置模块，不能删除`));

    const ref = [{ id: moduleId, name: module.name }];
    const hosts = await describeHostsIn(tx, ref);
    if (hosts) {
      throw refusedInUse(text(`module '${label}' still holds hosts: ${hosts.en}; move them out first`, `模块 '${label}' 中仍有主机：${hosts.zh}，请先移出`));
    }
    const bindings = await describeOrphanedBindings(tx, bizId, ref);
    if (bindings) {
      throw refusedInUse(
        text(
          `module '${label}' is the last module named ${bindings.en}; unbind those processes first, or create another module with that name`,
          `模块 '${label}' 是最后一个名为 ${bindings.zh} 的模块，请先解除这些进程的绑定，或先创建同名模块`,
        ),
      );
    }
    await tx.module.delete({ where: { id: moduleId } });
    await writeAuditEntries(tx, [{ actor, bizId, objectType: "module", objectId: moduleId, objectName: label, action: "delete", before: { bk_set_name: module.set.name, bk_module_name: module.name } }]);
  });
}
