// A task with its rows and progress, for the console's task page (polled every 1-2 s until done).
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import { isSuccessCode, RESULT_CODE } from "@/lib/protocol/result-codes";
import { closeTaskIfDone, settleOverdueRows } from "@/lib/operations/task-lifecycle";
import { text } from "@/lib/core/i18n";

export type TTaskRowView = {
  id: string;
  hostId: number | null;
  ip: string;
  cloudId: number;
  name: string;
  opType: number;
  code: number;
  message: string;
  content: string;
  outputTail: string;
  exitCode: number | null;
  pid: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
};

export type TTaskDetail = {
  id: string;
  source: string;
  opType: number;
  bizId: number | null;
  processId: number | null;
  requestedBy: string;
  appCode: string | null;
  retryOf: string | null;
  createdAt: string;
  finishedAt: string | null;
  progress: { total: number; done: number; succeeded: number; failed: number; running: number };
  isFinished: boolean;
  rows: TTaskRowView[];
};

export async function getTaskDetail(taskId: string, bizId: number | null): Promise<TTaskDetail> {
  await settleOverdueRows();
  const task = await getDb().task.findUnique({ where: { id: taskId }, include: { rows: { orderBy: { id: "asc" } } } });
  if (!task || (bizId !== null && task.bizId !== bizId)) throw new ApiError("NOT_FOUND", text(`task ${taskId} does not exist`, `任务 ${taskId} 不存在`));

  const rows = task.rows.map((row) => ({
    id: String(row.id),
    hostId: row.hostId,
    ip: row.ip,
    cloudId: row.cloudId,
    name: row.name,
    opType: row.opType,
    code: row.code,
    message: row.message,
    content: row.content,
    outputTail: row.outputTail,
    exitCode: row.exitCode,
    pid: row.pid,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
  }));
  const running = rows.filter((row) => row.code === RESULT_CODE.RUNNING).length;
  const succeeded = rows.filter((row) => isSuccessCode(row.code)).length;
  // a report lands in two steps (its rows, then its task's close, batched after the commit): a task read
  // in between is closed now, so the page's last poll shows the end that is stored
  const finishedAt = task.finishedAt ?? (running === 0 ? await closeTaskIfDone(task.id) : null);
  return {
    id: task.id,
    source: task.source,
    opType: task.opType,
    bizId: task.bizId,
    processId: task.processId,
    requestedBy: task.requestedBy,
    appCode: task.appCode,
    retryOf: task.retryOf,
    createdAt: task.createdAt.toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
    progress: { total: rows.length, done: rows.length - running, succeeded, failed: rows.length - running - succeeded, running },
    isFinished: running === 0,
    rows,
  };
}
