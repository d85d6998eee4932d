// "Retry failed": a new task with only the failed rows of a finished console task.
import { ApiError } from "@/lib/core/errors";
import type { TActor } from "@/lib/core/write-audit-entry";
import { isSuccessCode } from "@/lib/protocol/result-codes";
import { getTaskDetail } from "@/lib/operations/get-task-detail";
import { operateCatalogueProcess } from "@/lib/operations/operate-catalogue-process";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { text } from "@/lib/core/i18n";

export async function retryFailedRows(business: TBusinessRef, taskId: string, actor: TActor) {
  const task = await getTaskDetail(taskId, business.id);
  if (!task.isFinished) throw new ApiError("EDIT_CONFLICT", text("the task is still running; retry when it has finished", "任务仍在执行，请在结束后重试"));
  if (task.processId === null) throw new ApiError("FIELD_CHECK_FAILED", text("only console tasks can be retried here", "只能重试控制台发起的任务"));
  const hostIds = task.rows.filter((row) => !isSuccessCode(row.code) && row.hostId !== null).map((row) => row.hostId!);
  if (!hostIds.length) throw new ApiError("FIELD_CHECK_FAILED", text("no failed row to retry", "没有失败的行可重试"));
  return operateCatalogueProcess(business, task.processId, { opType: task.opType, hostIds }, actor, task.id);
}
