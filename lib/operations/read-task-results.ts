// Polling: GSE get_proc_operate_result (v1), get_proc_operate_result_v2, the GSE 2.0 result API and JOB
// get_proc_result each key rows as their clients rebuild the key (lib/operations/gse-result-keys.ts).
// GSE `content` stays the JSON text the agent sent (GSEKit json.loads it); JOB's is decoded, as the ESB
// component's format_result returns it (bk-monitor reads it as an object). Overdue rows are settled first,
// so a poll never shows a row stuck at 115 past its time. A task is readable by the app that created it
// and by anyone who may view its business (a task of no one business: a viewer of every business).
import "server-only";
import { z } from "zod";
import type { TAppCaller } from "@/lib/access/authenticate-app";
import { ALL_BUSINESSES, can } from "@/lib/access/permissions";
import { ApiError } from "@/lib/core/errors";
import { getDb, queryShaped } from "@/lib/core/db";
import type { TProcSpec } from "@/lib/protocol/agent-protocol";
import { RESULT_CODE } from "@/lib/protocol/result-codes";
import { parseEsbInput } from "@/lib/operations/parse-esb-input";
import { gseAgentKey, gseV1Key, gseV2Key } from "@/lib/operations/gse-result-keys";
import { jobProcessKey } from "@/lib/operations/process-spec";
import { settleOverdueRows } from "@/lib/operations/task-lifecycle";
import { text } from "@/lib/core/i18n";

type TAnsweredResult = { error_code: number; error_msg: string; content: unknown };

const ZGseResultQuery = z.object({ task_id: z.string().min(1).max(64) });
const ZJobResultQuery = z.object({ bk_biz_id: z.coerce.number().int().min(1), bk_gse_taskid: z.string().min(1).max(64) });

type TStoredRow = {
  cloudId: number;
  ip: string;
  namespace: string;
  name: string;
  spec: unknown;
  code: number;
  message: string;
  content: string;
  supplierId: number | null;
  agentRef: string | null;
  hostAgentId: string | null;
};

/**
 * A task's rows in one prepared statement on the pool: a client polls a 10,000-row task every half
 * second, and Prisma's query compiler and row mapping cost more CPU than the rest of the request.
 */
const ROWS_OF_TASK_SQL = `SELECT r.bk_cloud_id AS "cloudId", r.ip, r.namespace, r.name, r.spec, r.code, r.message, r.content,
    r.bk_supplier_id AS "supplierId", r.agent_ref AS "agentRef", h.bk_agent_id AS "hostAgentId"
  FROM task_row r LEFT JOIN host h ON h.bk_host_id = r.bk_host_id
  WHERE r.task_id = $1 ORDER BY r.id`;

async function loadRows(caller: TAppCaller, taskId: string, bizId?: number): Promise<TStoredRow[]> {
  await settleOverdueRows();
  const task = await getDb().task.findUnique({ where: { id: taskId }, select: { bizId: true, appCode: true } });
  if (task) assertCanReadTask(caller, taskId, task);
  if (!task || (bizId !== undefined && task.bizId !== bizId)) {
    throw new ApiError("NOT_FOUND", text(`task ${taskId} does not exist${bizId ? ` in business ${bizId}` : ""}`, `任务 ${taskId} 不存在`));
  }
  return queryShaped<TStoredRow>(ROWS_OF_TASK_SQL, [taskId]);
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

function toResult(row: { code: number; message: string; content: string }): TAnsweredResult {
  return { error_code: row.code, error_msg: row.message || (row.code === RESULT_CODE.RUNNING ? "handling" : row.code === RESULT_CODE.DONE ? "success" : ""), content: row.content };
}

/** Which result API is asked: v1 get_proc_operate_result, get_proc_operate_result_v2, or GSE 2.0 (agent ids). */
export type TGseResultApi = "v1" | "v2" | "agent";

const KEY_OF: Record<TGseResultApi, (row: TStoredRow) => string> = {
  v1: (row) => gseV1Key(row),
  v2: (row) => gseV2Key(row),
  agent: (row) => gseAgentKey(row),
};

export async function readGseTaskResult(body: Record<string, unknown>, caller: TAppCaller, api: TGseResultApi = "v2"): Promise<Record<string, TAnsweredResult>> {
  const { task_id: taskId } = parseEsbInput(ZGseResultQuery, body);
  const rows = await loadRows(caller, taskId);
  return Object.fromEntries(rows.map((row) => [KEY_OF[api](row), toResult(row)]));
}

export async function readJobTaskResult(body: Record<string, unknown>, caller: TAppCaller) {
  const { bk_biz_id: bizId, bk_gse_taskid: taskId } = parseEsbInput(ZJobResultQuery, body);
  const rows = await loadRows(caller, taskId, bizId);
  const isRunning = rows.some((row) => row.code === RESULT_CODE.RUNNING);
  return {
    status: isRunning ? RESULT_CODE.RUNNING : RESULT_CODE.DONE,
    result: Object.fromEntries(rows.map((row) => [`${jobProcessKey(row.spec as unknown as TProcSpec)}:${row.cloudId}:${row.ip}`, { ...toResult(row), content: decodeContent(row.content) }])),
  };
}

/** The ESB component json-decodes `content`; text that is not JSON (or empty) stays as it is. */
function decodeContent(content: string): unknown {
  if (!content.startsWith("{") && !content.startsWith("[")) return content;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}
