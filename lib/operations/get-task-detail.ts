// A task with its rows and progress, for the console's task page (polled every 1-2 s until done). Each
// row names its catalogue process (where one matches, resolve-task-processes.ts) and its host's set and
// module; a task says which task retried it. The rows carry no op-2 content (the page never shows it).
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import { isSuccessCode, RESULT_CODE } from "@/lib/protocol/result-codes";
import { closeTaskIfDone, settleOverdueRows } from "@/lib/operations/task-lifecycle";
import { text } from "@/lib/core/i18n";
import { resolveTaskProcesses, rowProcessKey, type TResolvedProcess } from "@/lib/operations/resolve-task-processes";

export type TTaskRowView = {
  id: string;
  hostId: number | null;
  ip: string;
  cloudId: number;
  name: string;
  /** the catalogue process the row resolves to (null: none matches), and its name (else the row's) */
  processId: number | null;
  processName: string;
  setName: string;
  moduleName: string;
  opType: number;
  code: number;
  message: string;
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
  /** the task that retried this one (a task is retried once) */
  retriedAs: string | null;
  /** sent to an existing GSE (lib/operations/dispatch/): GSE's own task ids; null: Procdeck's agents */
  gseTaskIds: string[] | null;
  /** the catalogue processes of its rows, in row order */
  processes: TResolvedProcess[];
  createdAt: string;
  finishedAt: string | null;
  progress: { total: number; done: number; succeeded: number; failed: number; running: number };
  isFinished: boolean;
  rows: TTaskRowView[];
  /** true when `rows` holds only the rows changed since the `since` asked for (progress counts all) */
  isPartial: boolean;
  /** pass as `since` on the next poll: rows changed after this read come back, and only they */
  cursor: string;
};

/**
 * The cursor is the oldest transaction still running when it is read (as a 32-bit xid, like a row's
 * xmin): every row changed by a transaction before it was visible to this read, every row changed
 * later has an xmin at or after it. Read before the rows, so nothing falls between two polls. (Across
 * an xid wraparound a poll may miss a row; the page reads the whole task once it has finished.)
 */
async function readCursor(): Promise<bigint> {
  const [{ cursor }] = await getDb().$queryRaw<{ cursor: bigint }[]>`SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint % 4294967296) AS cursor`;
  return BigInt(cursor);
}

export async function getTaskDetail(taskId: string, bizId: number | null, options: { since?: bigint } = {}): Promise<TTaskDetail> {
  await settleOverdueRows();
  const cursor = await readCursor();
  const isPartial = options.since !== undefined;
  const changed = isPartial ? (await getDb().$queryRaw<{ id: bigint }[]>`SELECT id FROM task_row WHERE task_id = ${taskId} AND xmin::text::bigint >= ${options.since}`).map((row) => row.id) : [];
  const task = await getDb().task.findUnique({ where: { id: taskId }, include: { rows: { where: isPartial ? { id: { in: changed } } : undefined, orderBy: { id: "asc" } }, gseDispatch: { select: { remoteTaskIds: true } } } });
  if (!task || (bizId !== null && task.bizId !== bizId)) throw new ApiError("NOT_FOUND", text(`task ${taskId} does not exist`, `任务 ${taskId} 不存在`));

  const keyOf = (row: (typeof task.rows)[number]) => rowProcessKey({ namespace: row.namespace, name: row.name, procName: procNameOf(row.spec) });
  const resolved = await resolveTaskProcesses(task.bizId, task.rows.map((row) => ({ namespace: row.namespace, name: row.name, procName: procNameOf(row.spec) })));
  const placements = await readPlacements(task.bizId, task.rows, [...new Set([...resolved.values()].map((p) => p.processId))]);
  const processes = new Map<number, TResolvedProcess>();
  const rows = task.rows.map((row) => {
    const process = resolved.get(keyOf(row)) ?? null;
    if (process && !processes.has(process.processId)) processes.set(process.processId, process);
    const place = placements(row.hostId, process?.processId ?? null);
    return {
    id: String(row.id),
    hostId: row.hostId,
    ip: row.ip,
    cloudId: row.cloudId,
    name: row.name,
    processId: process?.processId ?? null,
    processName: process?.name ?? row.name,
    setName: place.setName,
    moduleName: place.moduleName,
    opType: row.opType,
    code: row.code,
    message: row.message,
    outputTail: row.outputTail,
    exitCode: row.exitCode,
    pid: row.pid,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.startedAt && row.finishedAt ? Math.max(0, row.finishedAt.getTime() - row.startedAt.getTime()) : null,
    };
  });
  const retry = await getDb().task.findUnique({ where: { retryOf: task.id }, select: { id: true } });
  const codes = isPartial ? await countCodes(taskId) : rows.map((row) => ({ code: row.code, count: 1 }));
  const total = codes.reduce((sum, row) => sum + row.count, 0);
  const running = codes.reduce((sum, row) => sum + (row.code === RESULT_CODE.RUNNING ? row.count : 0), 0);
  const succeeded = codes.reduce((sum, row) => sum + (isSuccessCode(row.code) ? row.count : 0), 0);
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
    retriedAs: retry?.id ?? null,
    gseTaskIds: task.gseDispatch?.remoteTaskIds ?? null,
    processes: [...processes.values()],
    createdAt: task.createdAt.toISOString(),
    finishedAt: finishedAt?.toISOString() ?? null,
    progress: { total, done: total - running, succeeded, failed: total - running - succeeded, running },
    isFinished: running === 0,
    rows,
    isPartial,
    cursor: String(cursor),
  };
}

async function countCodes(taskId: string): Promise<{ code: number; count: number }[]> {
  return getDb().$queryRaw<{ code: number; count: number }[]>`SELECT code, count(*)::int AS count FROM task_row WHERE task_id = ${taskId} GROUP BY code`;
}

function procNameOf(spec: unknown): string {
  const procName = spec && typeof spec === "object" ? (spec as { procName?: unknown }).procName : undefined;
  return typeof procName === "string" ? procName : "";
}

type TPlace = { setName: string; moduleName: string };

/**
 * Where each host of the task sits in the task's business: for a row of a known process, the modules of
 * the host that process is bound to; otherwise every module of the host. Two queries per read.
 */
async function readPlacements(bizId: number | null, rows: { hostId: number | null }[], processIds: number[]): Promise<(hostId: number | null, processId: number | null) => TPlace> {
  const none: TPlace = { setName: "", moduleName: "" };
  const hostIds = [...new Set(rows.map((row) => row.hostId).filter((id): id is number => id !== null))];
  if (bizId === null || !hostIds.length) return () => none;
  const [placed, bindings] = await Promise.all([
    getDb().$queryRaw<{ bk_host_id: number; bk_set_name: string; bk_module_name: string }[]>`
      SELECT hm.bk_host_id, s.bk_set_name, m.bk_module_name
      FROM host_module hm JOIN module m ON m.bk_module_id = hm.bk_module_id JOIN "set" s ON s.bk_set_id = m.bk_set_id
      WHERE m.bk_biz_id = ${bizId} AND hm.bk_host_id = ANY(${hostIds}::int[])
      ORDER BY s.bk_set_name, m.bk_module_name`,
    processIds.length ? getDb().processModuleBinding.findMany({ where: { bizId, processId: { in: processIds } }, select: { processId: true, moduleName: true } }) : Promise.resolve([]),
  ]);
  const byHost = new Map<number, { setName: string; moduleName: string }[]>();
  for (const row of placed) byHost.set(row.bk_host_id, [...(byHost.get(row.bk_host_id) ?? []), { setName: row.bk_set_name, moduleName: row.bk_module_name }]);
  const bound = new Map<number, Set<string>>();
  for (const binding of bindings) bound.set(binding.processId, (bound.get(binding.processId) ?? new Set()).add(binding.moduleName));
  const memo = new Map<string, TPlace>();
  return (hostId, processId) => {
    if (hostId === null) return none;
    const key = `${hostId}:${processId}`;
    const cached = memo.get(key);
    if (cached) return cached;
    const all = byHost.get(hostId) ?? [];
    const modules = processId !== null ? bound.get(processId) : undefined;
    const chosen = modules && all.some((p) => modules.has(p.moduleName)) ? all.filter((p) => modules.has(p.moduleName)) : all;
    const place = { setName: [...new Set(chosen.map((p) => p.setName))].join(", "), moduleName: [...new Set(chosen.map((p) => p.moduleName))].join(", ") };
    memo.set(key, place);
    return place;
  };
}
