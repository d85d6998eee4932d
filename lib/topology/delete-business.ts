// A business can be deleted only once it is empty: no processes, no hosts in any module, no set but
// the idle pool. The refusal counts each of them so the admin knows what to clear first. Its idle
// pool and the roles granted in it go with it.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { announceBusinessChanged, forgetBusiness } from "@/lib/topology/find-business";
import { SET_FLAG } from "@/lib/topology/idle-pool";
import { lockHostPlacement } from "@/lib/topology/lock-host-placement";
import { refusedInUse } from "@/lib/topology/topology-errors";
import { text, type TLocalText } from "@/lib/core/i18n";

export async function deleteBusiness(bizId: number, actor: TActor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await lockHostPlacement(tx);
    // FOR UPDATE: a concurrent set/process creation in this business waits for us (and then fails on the foreign key)
    const [business] = await tx.$queryRaw<{ bk_biz_name: string; bk_supplier_account: string }[]>`
      SELECT bk_biz_name, bk_supplier_account FROM business WHERE bk_biz_id = ${bizId} FOR UPDATE`;
    if (!business) throw new ApiError("NOT_FOUND", text(`business ${bizId} does not exist`, `业务 ${bizId} 不存在`));

    const processCount = await tx.process.count({ where: { bizId } });
    const hostRows = await tx.hostModule.findMany({ where: { module: { bizId } }, distinct: ["hostId"], select: { hostId: true } });
    const setCount = await tx.set.count({ where: { bizId, defaultFlag: { not: SET_FLAG.idlePool } } });
    const blockers = describeBlockers(processCount, hostRows.length, setCount);
    if (blockers) {
      throw refusedInUse(
        text(
          `business '${business.bk_biz_name}' still has ${blockers.en}; delete or move them first`,
          `业务 '${business.bk_biz_name}' 仍有${blockers.zh}，请先删除或移走`,
        ),
      );
    }

    const roles = await tx.$queryRaw<{ kind: string; name: string; role: string }[]>`
      SELECT 'user' AS kind, u.username AS name, r.role FROM user_role r JOIN "user" u ON u.id = r.user_id WHERE r.bk_biz_id = ${bizId}
      UNION ALL
      SELECT 'app', a.code, r.role FROM app_role r JOIN api_app a ON a.id = r.app_id WHERE r.bk_biz_id = ${bizId}
      ORDER BY 1, 2`;
    await tx.userRole.deleteMany({ where: { bizId } });
    await tx.appRole.deleteMany({ where: { bizId } });
    await tx.module.deleteMany({ where: { bizId } });
    await tx.set.deleteMany({ where: { bizId } });
    await tx.business.delete({ where: { id: bizId } });
    await announceBusinessChanged(tx, bizId);
    await writeAuditEntries(tx, [
      {
        actor,
        bizId,
        objectType: "business",
        objectId: bizId,
        objectName: business.bk_biz_name,
        action: "delete",
        before: { bk_biz_name: business.bk_biz_name, bk_supplier_account: business.bk_supplier_account, roles: roles.map((row) => `${row.kind} ${row.name}: ${row.role}`) },
      },
    ]);
  });
  forgetBusiness(bizId);
}

function describeBlockers(processes: number, hosts: number, sets: number): TLocalText | null {
  const en: string[] = [];
  const zh: string[] = [];
  if (processes) {
    en.push(plural(processes, "process", "processes"));
    zh.push(` ${processes} 个进程`);
  }
  if (hosts) {
    en.push(plural(hosts, "host", "hosts") + " in its modules");
    zh.push(` ${hosts} 台主机在模块中`);
  }
  if (sets) {
    en.push(plural(sets, "set", "sets") + " besides the idle pool");
    zh.push(`除空闲机池外的 ${sets} 个集群`);
  }
  if (!en.length) return null;
  return text(en.join(", "), zh.join("、"));
}

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}
