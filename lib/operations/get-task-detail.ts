// A task with its rows and progress, for the console's task page (polled every 1-2 s until done).
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import { RESULT_CODE } from "@/lib/protocol/agent-protocol";
import { settleOverdueRows } from "@/lib/operations/settle-overdue-rows";
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

/** 0 counts as success; 828 (already running) and 829 (already stopped) left the process as asked, so they do too. */
export function isSuccessCode(code: number) {
  return code === RESULT_CODE.DONE || code === RESULT_CODE.ALREADY_RUNNING || code === RESULT_CODE.NOT_RUNNING;
}

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
    // an agent's report lands in two steps (rows, then the task's finished_at): a read in between
    // sees every row done, so the task's end is then its last row's
    finishedAt: task.finishedAt?.toISOString() ?? (running === 0 ? lastFinishedAt(rows) : null),
    progress: { total: rows.length, done: rows.length - running, succeeded, failed: rows.length - running - succeeded, running },
    isFinished: running === 0,
    rows,
  };
}

function lastFinishedAt(rows: { finishedAt: string | null }[]): string | null {
  return rows.reduce<string | null>((last, row) => (row.finishedAt && (!last || row.finishedAt > last) ? row.finishedAt : last), null);
}
