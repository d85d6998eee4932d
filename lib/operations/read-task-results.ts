// Polling: GSE get_proc_operate_result(_v2) keys rows "<cloud>:<ip>:<namespace>:<name>"; JOB
// get_proc_result keys them "<setup_path>/<proc_name>:<cloud>:<ip>". Overdue rows are settled first,
// so a poll never shows a row stuck at 115 past its time. A task is readable by the app that created it
// and by anyone who may view its business (a task of no one business: a viewer of every business).
import { z } from "zod";
import type { TAppCaller } from "@/lib/access/authenticate-app";
import { ALL_BUSINESSES, can } from "@/lib/access/permissions";
import { ApiError } from "@/lib/api/errors";
import { getDb } from "@/lib/db";
import { RESULT_CODE, type TProcSpec } from "@/lib/agent/protocol";
import { parseEsbInput } from "@/lib/operations/parse-esb-input";
import { jobProcessKey } from "@/lib/operations/process-spec";
import { settleOverdueRows } from "@/lib/operations/settle-overdue-rows";
import { text } from "@/lib/i18n";

type TRowResult = { error_code: number; error_msg: string; content: string };

const ZGseResultQuery = z.object({ task_id: z.string().min(1).max(64) });
const ZJobResultQuery = z.object({ bk_biz_id: z.coerce.number().int().min(1), bk_gse_taskid: z.string().min(1).max(64) });

async function loadRows(caller: TAppCaller, taskId: string, bizId?: number) {
  await settleOverdueRows();
  const task = await getDb().task.findUnique({
    where: { id: taskId },
    select: { bizId: true, appCode: true, rows: { select: { cloudId: true, ip: true, namespace: true, name: true, spec: true, code: true, message: true, content: true }, orderBy: { id: "asc" } } },
  });
  if (task) assertCanReadTask(caller, taskId, task);
  if (!task || (bizId !== undefined && task.bizId !== bizId)) {
    throw new ApiError("NOT_FOUND", text(`task ${taskId} does not exist${bizId ? ` in business ${bizId}` : ""}`, `任务 ${taskId} 不存在`));
  }
  return task.rows;
}

function assertCanReadTask(caller: TAppCaller, taskId: string, task: { bizId: number | null; appCode: string | null }) {
  if (task.appCode === caller.appCode) return;
  if (can(caller.principal, "view", task.bizId ?? ALL_BUSINESSES)) return;
  const where = task.bizId === null ? "every business" : `business ${task.bizId}`;
  const whereZh = task.bizId === null ? "所有业务" : `业务 ${task.bizId} `;
  throw new ApiError(
    "FORBIDDEN",
    text(`app '${caller.appCode}' did not create task ${taskId} and needs the viewer role in ${where} to read it`, `任务 ${taskId} 不是应用 '${caller.appCode}' 创建的，需要${whereZh}的查看者角色才能读取`),
  );
}

function toResult(row: { code: number; message: string; content: string }): TRowResult {
  return { error_code: row.code, error_msg: row.message || (row.code === RESULT_CODE.RUNNING ? "handling" : row.code === 0 ? "success" : ""), content: row.content };
}

export async function readGseTaskResult(body: Record<string, unknown>, caller: TAppCaller): Promise<Record<string, TRowResult>> {
  const { task_id: taskId } = parseEsbInput(ZGseResultQuery, body);
  const rows = await loadRows(caller, taskId);
  return Object.fromEntries(rows.map((row) => [`${row.cloudId}:${row.ip}:${row.namespace}:${row.name}`, toResult(row)]));
}

export async function readJobTaskResult(body: Record<string, unknown>, caller: TAppCaller) {
  const { bk_biz_id: bizId, bk_gse_taskid: taskId } = parseEsbInput(ZJobResultQuery, body);
  const rows = await loadRows(caller, taskId, bizId);
  const isRunning = rows.some((row) => row.code === RESULT_CODE.RUNNING);
  return {
    status: isRunning ? RESULT_CODE.RUNNING : 0,
    result: Object.fromEntries(rows.map((row) => [`${jobProcessKey(row.spec as unknown as TProcSpec)}:${row.cloudId}:${row.ip}`, toResult(row)])),
  };
}
