// A set goes with its (empty) modules. Refused for the idle pool, while any of its modules holds
// hosts, or while one of them is the last module of a name that processes are bound to.
import "server-only";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { describeHostsIn, describeOrphanedBindings } from "@/lib/topology/describe-module-blockers";
import { SET_FLAG } from "@/lib/topology/idle-pool";
import { lockHostPlacement } from "@/lib/topology/lock-host-placement";
import { refusedInUse, setNotFound } from "@/lib/topology/topology-errors";
import { text } from "@/lib/core/i18n";

export async function deleteSet(bizId: number, setId: number, actor: TActor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await lockHostPlacement(tx);
    const set = await tx.set.findFirst({ where: { id: setId, bizId }, select: { name: true, defaultFlag: true, modules: { select: { id: true, name: true }, orderBy: { name: "asc" } } } });
    if (!set) throw setNotFound(setId, bizId);
    if (set.defaultFlag === SET_FLAG.idlePool) throw refusedInUse(text(`the idle pool set '${set.name}' is built in and cannot be deleted`, `空闲机池 '${set.name}' 是内置集群，不能删除`));

    const hosts = await describeHostsIn(tx, set.modules);
    if (hosts) {
      throw refusedInUse(text(`set '${set.name}' still has hosts in its modules: ${hosts.en}; move them out first`, `集群 '${set.name}' 的模块中仍有主机：${hosts.zh}，请先移出`));
    }
    const bindings = await describeOrphanedBindings(tx, bizId, set.modules);
    if (bindings) {
      throw refusedInUse(
        text(
          `set '${set.name}' has the last module named ${bindings.en}; unbind those processes first, or create another module with that name`,
          `集群 '${set.name}' 中有最后一个名为 ${bindings.zh} 的模块，请先解除这些进程的绑定，或先创建同名模块`,
        ),
      );
    }

    await tx.module.deleteMany({ where: { setId } });
    await tx.set.delete({ where: { id: setId } });
    await writeAuditEntries(tx, [
      { actor, bizId, objectType: "set", objectId: setId, objectName: set.name, action: "delete", before: { bk_set_name: set.name, modules: set.modules.map((module) => module.name) } },
    ]);
  });
}
