// One operation on many catalogue processes from the console, as one task: a row per (process × host),
// the hosts being every host of the modules each process is bound to, or only those of the modules
// named, or hosts chosen per process. The retry of a console task goes through here too.
import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import type { TActor } from "@/lib/core/write-audit-entry";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { text } from "@/lib/core/i18n";
import { VALID_OP_TYPES } from "@/lib/protocol/op-types";
import { assertOperable, catalogueNamespace, missingForOperation, specFromCatalogue } from "@/lib/operations/catalogue-spec";
import { createTask, type TTaskTarget } from "@/lib/operations/create-task";
import { processNotFound } from "@/lib/processes/assert-valid-input";
import { toProcessRecord } from "@/lib/processes/process-record";

/** One task holds at most this many rows: a page of 5,000 rows is what the task page is built for. */
export const MAX_TASK_ROWS = 5000;
export const MAX_BULK_PROCESSES = 500;

export const ZOperateCatalogueProcesses = z.object({
  opType: z.number().int().refine((op) => VALID_OP_TYPES.includes(op), "must be one of 0, 1, 2, 3, 4, 7, 8, 9"),
  processIds: z.array(z.number().int().positive()).min(1, "choose at least one process").max(MAX_BULK_PROCESSES),
  /** only hosts of these modules (by name); absent: every host of every module each process is bound to */
  modules: z.array(z.string().min(1).max(256)).min(1, "name at least one module, or leave modules out").max(500).optional(),
});
export type TOperateCatalogueProcesses = z.infer<typeof ZOperateCatalogueProcesses>;

/** Where one process runs in the task: hosts by id, or all its operation hosts when `hostIds` is absent. */
export type TProcessHosts = { processId: number; hostIds?: number[]; modules?: string[] };

export async function operateCatalogueProcesses(business: TBusinessRef, input: TOperateCatalogueProcesses, actor: TActor) {
  const processIds = [...new Set(input.processIds)];
  const taskId = await queueCatalogueTask(business, input.opType, processIds.map((processId) => ({ processId, modules: input.modules })), actor);
  return { taskId };
}

/** Builds every row (refusing the whole request on the first problem) and creates the one task. */
export async function queueCatalogueTask(business: TBusinessRef, opType: number, wanted: TProcessHosts[], actor: TActor, retryOf?: string): Promise<string> {
  const processIds = wanted.map((item) => item.processId);
  const records = new Map((await getDb().process.findMany({ where: { bizId: business.id, id: { in: processIds } } })).map((row) => [row.id, toProcessRecord(row)]));
  const missing = processIds.find((id) => !records.has(id));
  if (missing !== undefined) throw processNotFound(missing, business.id);
  for (const id of processIds) assertOperable(records.get(id)!, opType);

  const hostsOf = await listHostsOfProcesses(business.id, processIds);
  const targets: TTaskTarget[] = [];
  const empty: string[] = [];
  for (const item of wanted) {
    const record = records.get(item.processId)!;
    const available = hostsOf.get(item.processId) ?? [];
    const chosen = pickHosts(record.bk_process_name, available, item);
    if (!chosen.length) empty.push(record.bk_process_name);
    const spec = specFromCatalogue(record);
    for (const host of chosen) targets.push({ cloudId: host.cloudId, ip: host.ip, namespace: catalogueNamespace(business.id), name: record.bk_process_name, spec });
    if (targets.length > MAX_TASK_ROWS) break;
  }
  if (targets.length > MAX_TASK_ROWS) {
    throw new ApiError(
      "FIELD_CHECK_FAILED",
      text(
        `this would run on more than ${MAX_TASK_ROWS} process × host pairs, more than one task holds; choose fewer processes or modules; nothing was queued`,
        `将在超过 ${MAX_TASK_ROWS} 个"进程 × 主机"上执行，超出单个任务的上限；请少选进程或模块；未创建任务`,
      ),
    );
  }
  if (empty.length === wanted.length) {
    throw new ApiError("FIELD_CHECK_FAILED", text(`no host to run on: ${empty.join(", ")} ${empty.length === 1 ? "is" : "are"} on no host of the modules chosen; nothing was queued`, `没有可执行的主机：${empty.join("、")} 不在所选模块的任何主机上；未创建任务`));
  }
  return createTask({ source: "console", opType, bizId: business.id, actor, targets, processId: processIds.length === 1 ? processIds[0] : undefined, processIds, retryOf });
}

type THost = { hostId: number; cloudId: number; ip: string; moduleName: string };

function pickHosts(processName: string, available: THost[], item: TProcessHosts): THost[] {
  const byId = new Map<number, THost>();
  for (const host of available) byId.set(host.hostId, host);
  if (item.hostIds) {
    const foreign = item.hostIds.filter((id) => !byId.has(id));
    if (foreign.length) {
      throw new ApiError("FIELD_CHECK_FAILED", text(`hosts ${foreign.join(", ")} are not in the modules '${processName}' is bound to`, `主机 ${foreign.join(", ")} 不在进程 '${processName}' 绑定的模块中`));
    }
    return [...new Set(item.hostIds)].map((id) => byId.get(id)!);
  }
  const modules = item.modules ? new Set(item.modules) : null;
  const seen = new Set<number>();
  // a host in two bound modules runs the process once
  return available.filter((host) => (!modules || modules.has(host.moduleName)) && !seen.has(host.hostId) && seen.add(host.hostId));
}

/** The operation hosts of many processes in one query (as list-operation-hosts.ts, without agent state). */
async function listHostsOfProcesses(bizId: number, processIds: number[]): Promise<Map<number, THost[]>> {
  const rows = await getDb().$queryRaw<{ bk_process_id: number; bk_host_id: number; bk_cloud_id: number; bk_host_innerip: string; bk_module_name: string }[]>`
    SELECT b.bk_process_id, h.bk_host_id, h.bk_cloud_id, h.bk_host_innerip, m.bk_module_name
    FROM process_module_binding b
    JOIN module m ON m.bk_biz_id = b.bk_biz_id AND m.bk_module_name = b.bk_module_name AND m."default" = 0
    JOIN host_module hm ON hm.bk_module_id = m.bk_module_id
    JOIN host h ON h.bk_host_id = hm.bk_host_id
    WHERE b.bk_biz_id = ${bizId} AND b.bk_process_id = ANY(${processIds}::int[])
    ORDER BY b.bk_process_id, h.bk_host_innerip, h.bk_host_id`;
  const hosts = new Map<number, THost[]>();
  for (const row of rows) {
    const list = hosts.get(row.bk_process_id) ?? [];
    list.push({ hostId: row.bk_host_id, cloudId: row.bk_cloud_id, ip: row.bk_host_innerip, moduleName: row.bk_module_name });
    hosts.set(row.bk_process_id, list);
  }
  return hosts;
}

export type TBulkPreview = {
  processes: { processId: number; name: string; hosts: number; missing: string[] }[];
  /** distinct hosts over all processes, and rows (process × host) the task would have */
  hostCount: number;
  rowCount: number;
  /** every module the processes' hosts are in (before the module choice), for choosing hosts per module */
  modules: { name: string; hosts: number }[];
  maxRows: number;
};

/** What a bulk operation would queue, for the one confirmation; the same choice of hosts as the task. */
export async function previewCatalogueOperation(business: TBusinessRef, input: TOperateCatalogueProcesses): Promise<TBulkPreview> {
  const processIds = [...new Set(input.processIds)];
  const rows = await getDb().process.findMany({ where: { bizId: business.id, id: { in: processIds } }, orderBy: { bk_process_name: "asc" } });
  const missing = processIds.find((id) => !rows.some((row) => row.id === id));
  if (missing !== undefined) throw processNotFound(missing, business.id);
  const hostsOf = await listHostsOfProcesses(business.id, processIds);
  const modules = new Map<string, Set<number>>();
  const hosts = new Set<number>();
  let rowCount = 0;
  const processes = rows.map((row) => {
    const record = toProcessRecord(row);
    const available = hostsOf.get(row.id) ?? [];
    for (const host of available) modules.set(host.moduleName, (modules.get(host.moduleName) ?? new Set()).add(host.hostId));
    const chosen = pickHosts(record.bk_process_name, available, { processId: row.id, modules: input.modules });
    for (const host of chosen) hosts.add(host.hostId);
    rowCount += chosen.length;
    return { processId: row.id, name: record.bk_process_name, hosts: chosen.length, missing: missingForOperation(record, input.opType) };
  });
  return {
    processes,
    hostCount: hosts.size,
    rowCount,
    modules: [...modules].map(([name, ids]) => ({ name, hosts: ids.size })).sort((a, b) => a.name.localeCompare(b.name)),
    maxRows: MAX_TASK_ROWS,
  };
}
