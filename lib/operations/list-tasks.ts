// Task history: "who ran what on this host", filterable by process, host ip, operation, state and
// user, newest first, paged. State: running (any row 115), succeeded (all rows ok: 0, 828, 829), failed.
// Beside the tasks, the agent events (crash restarts) of the page's time span (list-agent-events.ts).
// A task of several processes is named by its rows' first process names and how many there are.
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/core/db";
import { NOT_FAILED_CODES, RESULT_CODE } from "@/lib/protocol/result-codes";
import { settleOverdueRows } from "@/lib/operations/task-lifecycle";
import { listAgentEvents, type TAgentEventEntry } from "@/lib/operations/list-agent-events";

export const ZTaskFilter = z.object({
  processId: z.coerce.number().int().positive().optional(),
  ip: z.string().max(64).optional(),
  opType: z.coerce.number().int().optional(),
  state: z.enum(["running", "succeeded", "failed"]).optional(),
  user: z.string().max(128).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TTaskFilter = z.infer<typeof ZTaskFilter>;

export type TTaskSummary = {
  id: string;
  source: string;
  opType: number;
  processId: number | null;
  processName: string;
  /** a task without one catalogue process (a bulk task, a GSE/JOB one): its rows' first process names, A-Z */
  processNames: string[];
  /** how many process names its rows carry (0 for a task of one catalogue process) */
  processCount: number;
  requestedBy: string;
  createdAt: string;
  finishedAt: string | null;
  total: number;
  running: number;
  failed: number;
  state: "running" | "succeeded" | "failed";
};

export async function listTasks(bizId: number, filter: TTaskFilter): Promise<{ count: number; tasks: TTaskSummary[]; events: TAgentEventEntry[] }> {
  await settleOverdueRows();
  const where = [Prisma.sql`t.bk_biz_id = ${bizId}`];
  if (filter.processId) where.push(Prisma.sql`t.bk_process_id = ${filter.processId}`);
  if (filter.opType !== undefined) where.push(Prisma.sql`t.op_type = ${filter.opType}`);
  if (filter.user) where.push(Prisma.sql`t.requested_by = ${filter.user}`);
  if (filter.ip) where.push(Prisma.sql`EXISTS (SELECT 1 FROM task_row r WHERE r.task_id = t.id AND r.ip = ${filter.ip})`);
  const state =
    filter.state === "running"
      ? Prisma.sql`WHERE running > 0`
      : filter.state === "failed"
        ? Prisma.sql`WHERE running = 0 AND failed > 0`
        : filter.state === "succeeded"
          ? Prisma.sql`WHERE running = 0 AND failed = 0`
          : Prisma.empty;

  const rows = await getDb().$queryRaw<(Omit<TTaskSummary, "state" | "createdAt" | "finishedAt" | "processNames" | "processCount"> & { created_at: Date; finished_at: Date | null; total_count: number })[]>`
    WITH summary AS (
      SELECT t.id, t.source, t.op_type AS "opType", t.bk_process_id AS "processId", coalesce(p.bk_process_name, '') AS "processName",
        t.requested_by AS "requestedBy", t.created_at, t.finished_at,
        (SELECT count(*)::int FROM task_row r WHERE r.task_id = t.id) AS total,
        (SELECT count(*)::int FROM task_row r WHERE r.task_id = t.id AND r.code = ${RESULT_CODE.RUNNING}) AS running,
        (SELECT count(*)::int FROM task_row r WHERE r.task_id = t.id AND r.code <> ALL(${NOT_FAILED_CODES}::int[])) AS failed
      FROM task t LEFT JOIN process p ON p.bk_process_id = t.bk_process_id
      WHERE ${Prisma.join(where, " AND ")}
    )
    SELECT *, count(*) OVER ()::int AS total_count FROM summary ${state}
    ORDER BY created_at DESC, id DESC LIMIT ${filter.pageSize} OFFSET ${(filter.page - 1) * filter.pageSize}`;
  const names = await readProcessNames(rows.filter((row) => row.processId === null).map((row) => row.id));
  const isPageFull = rows.length === filter.pageSize;
  const events = filter.page > 1 && !rows.length ? [] : await listAgentEvents(bizId, filter, { from: isPageFull ? rows[rows.length - 1].created_at : null, to: filter.page > 1 && rows.length ? rows[0].created_at : null });
  return {
    events,
    count: rows[0]?.total_count ?? 0,
    tasks: rows.map(({ created_at, finished_at, total_count: _count, ...row }) => ({
      ...row,
      processNames: names.get(row.id)?.names ?? [],
      processCount: names.get(row.id)?.count ?? 0,
      createdAt: created_at.toISOString(),
      finishedAt: finished_at?.toISOString() ?? null,
      state: row.running > 0 ? "running" : row.failed > 0 ? "failed" : "succeeded",
    })),
  };
}

/** For the page's tasks without a catalogue process only (a bulk task has up to thousands of rows). */
async function readProcessNames(taskIds: string[]): Promise<Map<string, { names: string[]; count: number }>> {
  if (!taskIds.length) return new Map();
  const rows = await getDb().$queryRaw<{ task_id: string; names: string[]; count: number }[]>`
    SELECT task_id, (array_agg(DISTINCT name ORDER BY name))[1:3] AS names, count(DISTINCT name)::int AS count
    FROM task_row WHERE task_id = ANY(${taskIds}::text[]) GROUP BY task_id`;
  return new Map(rows.map((row) => [row.task_id, { names: row.names, count: row.count }]));
}
