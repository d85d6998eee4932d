// "Retry failed": a new task with only the failed rows of a finished task, once. A console task's rows
// run again from the catalogue as it is now (its processes, on the same hosts); a task from the GSE or
// JOB API runs its failed rows again as they were sent (their stored spec). The unique index on
// task.retry_of makes "once" hold even for two retries racing: the second insert fails in its own
// transaction and is answered as "already retried".
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import type { TActor } from "@/lib/core/write-audit-entry";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { text } from "@/lib/core/i18n";
import type { TProcSpec } from "@/lib/protocol/agent-protocol";
import { isSuccessCode, RESULT_CODE } from "@/lib/protocol/result-codes";
import { createTask } from "@/lib/operations/create-task";
import { queueCatalogueTask } from "@/lib/operations/operate-catalogue-processes";
import { resolveTaskProcesses, rowProcessKey } from "@/lib/operations/resolve-task-processes";
import { settleOverdueRows } from "@/lib/operations/task-lifecycle";

export async function retryFailedRows(business: TBusinessRef, taskId: string, actor: TActor) {
  await settleOverdueRows();
  const task = await getDb().task.findUnique({ where: { id: taskId }, include: { rows: { orderBy: { id: "asc" } } } });
  if (!task || task.bizId !== business.id) throw new ApiError("NOT_FOUND", text(`task ${taskId} does not exist`, `任务 ${taskId} 不存在`));
  await assertNotRetried(taskId);
  if (task.rows.some((row) => row.code === RESULT_CODE.RUNNING)) throw new ApiError("EDIT_CONFLICT", text("the task is still running; retry when it has finished", "任务仍在执行，请在结束后重试"));
  const failed = task.rows.filter((row) => !isSuccessCode(row.code) && row.hostId !== null);
  if (!failed.length) throw new ApiError("FIELD_CHECK_FAILED", text("no failed row to retry", "没有失败的行可重试"));

  try {
    if (task.source === "console") return { taskId: await retryFromCatalogue(business, task.id, task.opType, task.processId, failed, actor) };
    const resolved = await resolveTaskProcesses(task.bizId, failed.map(keyFields));
    const processIds = [...new Set(failed.map((row) => resolved.get(rowProcessKey(keyFields(row)))?.processId))];
    const newId = await createTask({
      source: "console",
      opType: task.opType,
      bizId: business.id,
      actor,
      targets: failed.map((row) => ({
        cloudId: row.cloudId,
        ip: row.ip,
        namespace: row.namespace,
        name: row.name,
        spec: row.spec as TProcSpec,
        opType: row.opType,
        labels: row.labels as Record<string, string>,
        supplierId: row.supplierId ?? undefined,
        agentRef: row.agentRef ?? undefined,
      })),
      processId: processIds.length === 1 && processIds[0] !== undefined ? processIds[0] : undefined,
      retryOf: task.id,
    });
    return { taskId: newId };
  } catch (error) {
    // lost a race with another retry of the same task: say so, as if it had been seen first
    await assertNotRetried(taskId);
    throw error;
  }
}

type TFailedRow = { hostId: number | null; namespace: string; name: string; spec: unknown };

function keyFields(row: TFailedRow) {
  const procName = (row.spec as { procName?: unknown } | null)?.procName;
  return { namespace: row.namespace, name: row.name, procName: typeof procName === "string" ? procName : "" };
}

/** Console rows grouped by their process (the task's own, or each row's by name for a bulk task). */
async function retryFromCatalogue(business: TBusinessRef, taskId: string, opType: number, processId: number | null, failed: TFailedRow[], actor: TActor) {
  const resolved = processId === null ? await resolveTaskProcesses(business.id, failed.map(keyFields)) : null;
  const hostsOf = new Map<number, number[]>();
  for (const row of failed) {
    const id = processId ?? resolved?.get(rowProcessKey(keyFields(row)))?.processId;
    if (id === undefined) continue;
    hostsOf.set(id, [...(hostsOf.get(id) ?? []), row.hostId!]);
  }
  if (!hostsOf.size) throw new ApiError("FIELD_CHECK_FAILED", text("the processes of the failed rows no longer exist; nothing was queued", "失败行对应的进程已不存在；未创建任务"));
  return queueCatalogueTask(business, opType, [...hostsOf].map(([id, hostIds]) => ({ processId: id, hostIds })), actor, taskId);
}

async function assertNotRetried(taskId: string): Promise<void> {
  const retry = await getDb().task.findUnique({ where: { retryOf: taskId }, select: { id: true } });
  if (retry) throw new ApiError("EDIT_CONFLICT", text(`task ${taskId} was already retried as ${retry.id}; retry that task instead`, `任务 ${taskId} 已重试为 ${retry.id}；请改为重试该任务`));
}
