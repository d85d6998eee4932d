// Take a host out of every module of the business (it stays known globally, with its agent, and can
// join another business). Refused while something runs on it: task rows still running (115) or
// processes its agent manages that are running — the refusal names them.
import "server-only";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { RESULT_CODE } from "@/lib/protocol/result-codes";
import { labelsOf, readModules, readPlacements } from "@/lib/topology/host-placement";
import { lockHostPlacement } from "@/lib/topology/lock-host-placement";
import { hostNotInBusiness, listSome, refusedInUse } from "@/lib/topology/topology-errors";
import { text } from "@/lib/core/i18n";

export async function removeHostFromBusiness(bizId: number, hostId: number, actor: TActor): Promise<void> {
  await getDb().$transaction(async (tx) => {
    await lockHostPlacement(tx);
    const host = (await readPlacements(tx, bizId, [hostId])).get(hostId);
    if (!host?.moduleIds.length) throw hostNotInBusiness(hostId, bizId);
    const name = `${host.cloudId}:${host.ip}`;

    const rows = await tx.taskRow.findMany({ where: { hostId, code: RESULT_CODE.RUNNING }, select: { taskId: true, name: true }, orderBy: { id: "asc" }, take: 20 });
    if (rows.length) {
      const tasks = listSome([...new Set(rows.map((row) => `${row.taskId} (${row.name})`))]);
      throw refusedInUse(text(`host ${name} still has running task rows: ${tasks.en}; wait for them to finish`, `主机 ${name} 仍有执行中的任务：${tasks.zh}，请等待其结束`));
    }
    const running = await tx.managedProcess.findMany({ where: { hostId, isRunning: true }, select: { name: true, pid: true }, orderBy: { name: "asc" } });
    if (running.length) {
      const names = listSome(running.map((proc) => (proc.pid ? `${proc.name} (pid ${proc.pid})` : proc.name)));
      throw refusedInUse(text(`host ${name} still runs managed processes: ${names.en}; stop them first`, `主机 ${name} 上仍有运行中的托管进程：${names.zh}，请先停止`));
    }

    const modules = await readModules(tx, bizId);
    await tx.hostModule.deleteMany({ where: { hostId, moduleId: { in: host.moduleIds } } });
    await writeAuditEntries(tx, [
      { actor, bizId, objectType: "host", objectId: hostId, objectName: name, action: "remove_from_business", before: { bk_host_name: host.hostName, modules: labelsOf(host.moduleIds, modules) }, after: { modules: [] } },
    ]);
  });
}
