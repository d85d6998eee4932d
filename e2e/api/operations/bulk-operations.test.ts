// Operating many catalogue processes as one task (POST /operations and its preview), and retrying a
// task once: validation in the console envelope with nothing queued, the operator role in the path's
// business, one task with every (process × host) row and one audit entry (the history names its
// processes), the 5,000-row bound, and a second retry — even two at once — refused naming the first.
import { beforeAll, describe, expect, it } from "vitest";
import { cmdb, createProcess, expectSuccess, sql, uniqueName } from "../support/cmdb-client";
import { createApp, signedInUser, type TConsoleClient } from "../support/principals";
import { createBusinessWithHost, esbAs, insertHost, type TBizWithHost } from "../access/access-support";
import { waitFor } from "../support/agent-harness";

type TFailure = { ok: false; error: { code: number; kind: string; message: string } };
type TTask = { id: string; isFinished: boolean; processId: number | null; retryOf: string | null; retriedAs: string | null; processes: { processId: number; name: string }[]; rows: { ip: string; name: string; processId: number | null; setName: string; moduleName: string; code: number }[] };

const COMMANDS = { work_path: "/tmp", pid_file: "/tmp/bulk-test.pid", start_cmd: "true", stop_cmd: "true" };

let biz: TBizWithHost;
let other: TBizWithHost;
let operator: TConsoleClient;
let viewer: TConsoleClient;
let foreignOperator: TConsoleClient;
let secondHost: { hostId: number; hostIp: string };
let processes: number[];
let withoutStop: number;

const base = (bizId: number) => `/api/console/businesses/${bizId}`;

async function bind(bizId: number, processId: number, moduleName: string) {
  expectSuccess(await cmdb("PUT", `/api/v3/proc/module/0/${bizId}/${processId}/${encodeURIComponent(moduleName)}`));
}

async function counts(bizId: number) {
  const [row] = await sql<{ tasks: number; rows: number; audits: number }>(
    `SELECT (SELECT count(*)::int FROM task WHERE bk_biz_id = $1) AS tasks,
            (SELECT count(*)::int FROM task_row r JOIN task t ON t.id = r.task_id WHERE t.bk_biz_id = $1) AS rows,
            (SELECT count(*)::int FROM audit_entry WHERE bk_biz_id = $1 AND object_type = 'task') AS audits`,
    [bizId],
  );
  return row;
}

async function finishedTask(client: TConsoleClient, bizId: number, taskId: string): Promise<TTask> {
  let task: TTask | undefined;
  await waitFor(
    async () => {
      const reply = await client.call<TTask>("GET", `${base(bizId)}/tasks/${encodeURIComponent(taskId)}`);
      task = reply.body.ok ? reply.body.data : undefined;
      return task?.isFinished === true;
    },
    30_000,
    () => `task ${taskId} did not finish`,
  );
  return task!;
}

beforeAll(async () => {
  [biz, other] = [await createBusinessWithHost("bulk"), await createBusinessWithHost("bulk-other")];
  // a second host in the same module: three processes × two hosts
  secondHost = await insertHost("bulk");
  await sql(`INSERT INTO host_module (bk_host_id, bk_module_id) VALUES ($1, $2)`, [secondHost.hostId, biz.moduleId]);
  processes = [];
  for (let n = 0; n < 3; n++) {
    // function names of their own: a JOB task names its process by it
    const id = await createProcess({ ...COMMANDS, bk_func_name: uniqueName("bulk-fn") }, biz.bizId);
    await bind(biz.bizId, id, biz.moduleName);
    processes.push(id);
  }
  withoutStop = await createProcess({ ...COMMANDS, stop_cmd: "" }, biz.bizId);
  await bind(biz.bizId, withoutStop, biz.moduleName);
  operator = await signedInUser({ roles: [{ bizId: biz.bizId, role: "operator" }], prefix: "bulk-op" });
  viewer = await signedInUser({ roles: [{ bizId: biz.bizId, role: "viewer" }], prefix: "bulk-view" });
  foreignOperator = await signedInUser({ roles: [{ bizId: other.bizId, role: "operator" }], prefix: "bulk-foreign" });
}, 60_000);

describe("bulk operations", () => {
  it("previews the processes, hosts and rows without queuing anything", async () => {
    const before = await counts(biz.bizId);
    const reply = await operator.call<{ hostCount: number; rowCount: number; processes: { processId: number; hosts: number }[]; modules: { name: string; hosts: number }[] }>("POST", `${base(biz.bizId)}/operations/preview`, {
      body: { opType: 7, processIds: processes },
    });
    expect(reply.status, reply.text).toBe(200);
    if (!reply.body.ok) throw new Error(reply.text);
    expect(reply.body.data).toMatchObject({ hostCount: 2, rowCount: 6, modules: [{ name: biz.moduleName, hosts: 2 }] });
    expect(reply.body.data.processes.map((p) => p.hosts)).toEqual([2, 2, 2]);
    expect(await counts(biz.bizId)).toEqual(before);
  });

  it("queues one task with a row per (process × host) and one audit entry, grouped by process on the task", async () => {
    const before = await counts(biz.bizId);
    const reply = await operator.call<{ taskId: string }>("POST", `${base(biz.bizId)}/operations`, { body: { opType: 2, processIds: processes } });
    expect(reply.status, reply.text).toBe(201);
    if (!reply.body.ok) throw new Error(reply.text);
    expect(await counts(biz.bizId)).toEqual({ tasks: before.tasks + 1, rows: before.rows + 6, audits: before.audits + 1 });
    const task = await finishedTask(operator, biz.bizId, reply.body.data.taskId);
    expect(task.processId).toBeNull();
    expect(task.processes.map((p) => p.processId).sort()).toEqual([...processes].sort());
    expect(new Set(task.rows.map((row) => row.ip))).toEqual(new Set([biz.hostIp, secondHost.hostIp]));
    for (const row of task.rows) expect(row).toMatchObject({ processId: expect.any(Number), setName: biz.setName, moduleName: biz.moduleName });
    // a poll with the last reply's cursor gets only what changed since (a transaction of another test
    // still open at that read may make a row count as changed), and progress over every row; a bad
    // cursor is refused
    const since = await operator.call<TTask & { isPartial: boolean; cursor: string; progress: { total: number } }>("GET", `${base(biz.bizId)}/tasks/${encodeURIComponent(task.id)}?since=${(task as unknown as { cursor: string }).cursor}`);
    if (!since.body.ok) throw new Error(since.text);
    expect(since.body.data).toMatchObject({ isPartial: true, isFinished: true, progress: { total: 6 } });
    expect(since.body.data.rows.length).toBeLessThan(6);
    expect((await operator.call("GET", `${base(biz.bizId)}/tasks/${encodeURIComponent(task.id)}?since=x`)).status).toBe(400);
    // its end is its last row's, not whenever it was closed (or first read after that)
    const [ends] = await sql<{ is_last_row: boolean }>(`SELECT t.finished_at = (SELECT max(r.finished_at) FROM task_row r WHERE r.task_id = t.id) AS is_last_row FROM task t WHERE t.id = $1`, [reply.body.data.taskId]);
    expect(ends.is_last_row).toBe(true);
    const [audit] = await sql<{ after: { rows: number; process_ids: number[] } }>(`SELECT after FROM audit_entry WHERE object_type = 'task' AND object_id = $1`, [reply.body.data.taskId]);
    expect(audit.after.rows).toBe(6);
    expect([...audit.after.process_ids].sort()).toEqual([...processes].sort());
    // the history names it by its processes (it has no one catalogue process)
    const history = await operator.call<{ tasks: { id: string; processId: number | null; processNames: string[]; processCount: number }[] }>("GET", `${base(biz.bizId)}/tasks?pageSize=100`);
    if (!history.body.ok) throw new Error(history.text);
    const listed = history.body.data.tasks.find((entry) => entry.id === task.id);
    expect(listed).toMatchObject({ processId: null, processCount: 3 });
    expect([...listed!.processNames].sort()).toEqual(task.processes.map((process) => process.name).sort());
  });

  it.each([
    ["no process", { opType: 7, processIds: [] }, 400, /processIds/],
    ["an operation that does not exist", { opType: 5, processIds: [1] }, 400, /opType/],
    ["a module list that is empty", { opType: 7, processIds: [1], modules: [] }, 400, /modules/],
  ])("refuses %s in the console envelope", async (_label, body, status, pattern) => {
    const before = await counts(biz.bizId);
    const reply = await operator.call("POST", `${base(biz.bizId)}/operations`, { body });
    expect(reply.status, reply.text).toBe(status);
    expect((reply.body as TFailure).error.message).toMatch(pattern);
    expect(await counts(biz.bizId)).toEqual(before);
  });

  it("refuses the whole operation when one process lacks the command, or is not of the business: nothing queued", async () => {
    const before = await counts(biz.bizId);
    const lacking = await operator.call("POST", `${base(biz.bizId)}/operations`, { body: { opType: 1, processIds: [...processes, withoutStop] } });
    expect(lacking.status, lacking.text).toBe(400);
    expect((lacking.body as TFailure).error.message).toMatch(/stop_cmd.*nothing was queued/);
    const otherProcess = await createProcess(COMMANDS, other.bizId);
    const foreign = await operator.call("POST", `${base(biz.bizId)}/operations`, { body: { opType: 2, processIds: [processes[0], otherProcess] } });
    expect(foreign.status, foreign.text).toBe(404);
    expect((foreign.body as TFailure).error.message).toContain(String(otherProcess));
    const noHost = await operator.call("POST", `${base(biz.bizId)}/operations`, { body: { opType: 2, processIds: processes, modules: ["no-such-module"] } });
    expect(noHost.status, noHost.text).toBe(400);
    expect((noHost.body as TFailure).error.message).toMatch(/no host to run on/);
    expect(await counts(biz.bizId)).toEqual(before);
  });

  it("refuses more than 5,000 rows with a clear message and queues nothing", async () => {
    const big = await createBusinessWithHost("bulk-big");
    // 2,600 hosts in one module and two processes bound to it: 5,200 rows
    const cloudId = 100000 + Math.floor(Math.random() * 800000);
    await sql(
      `WITH h AS (INSERT INTO host (bk_host_innerip, bk_cloud_id, bk_host_name)
         SELECT '10.250.' || (n / 250) || '.' || (n % 250 + 1), $1, 'bulk-big-' || n FROM generate_series(0, 2599) AS n RETURNING bk_host_id)
       INSERT INTO host_module (bk_host_id, bk_module_id) SELECT bk_host_id, $2 FROM h`,
      [cloudId, big.moduleId],
    );
    const ids = [await createProcess(COMMANDS, big.bizId), await createProcess(COMMANDS, big.bizId)];
    for (const id of ids) await bind(big.bizId, id, big.moduleName);
    const admin = await signedInUser({ roles: [{ bizId: big.bizId, role: "operator" }], prefix: "bulk-big" });
    const before = await counts(big.bizId);
    const reply = await admin.call("POST", `${base(big.bizId)}/operations`, { body: { opType: 2, processIds: ids } });
    expect(reply.status, reply.text).toBe(400);
    expect((reply.body as TFailure).error.message).toMatch(/more than 5000 process × host pairs.*nothing was queued/);
    expect(await counts(big.bizId)).toEqual(before);
    // one process fits
    const one = await admin.call("POST", `${base(big.bizId)}/operations/preview`, { body: { opType: 2, processIds: [ids[0]] } });
    expect(one.status, one.text).toBe(200);
  });

  it("needs the operator role in the path's business", async () => {
    const before = await counts(biz.bizId);
    for (const client of [viewer, foreignOperator]) {
      for (const path of ["operations", "operations/preview"]) {
        const reply = await client.call("POST", `${base(biz.bizId)}/${path}`, { body: { opType: 2, processIds: processes } });
        expect(reply.status, reply.text).toBe(403);
      }
    }
    // another business's operator cannot reach these processes through their own business either
    const sideways = await foreignOperator.call("POST", `${base(other.bizId)}/operations`, { body: { opType: 2, processIds: processes } });
    expect(sideways.status, sideways.text).toBe(404);
    expect(await counts(biz.bizId)).toEqual(before);
  });
});

describe("retry once", () => {
  async function failedTask(): Promise<string> {
    // no agent ever enrolled on these hosts: every row ends 117 (failed)
    const reply = await operator.call<{ taskId: string }>("POST", `${base(biz.bizId)}/operations`, { body: { opType: 2, processIds: processes.slice(0, 2) } });
    if (!reply.body.ok) throw new Error(reply.text);
    await finishedTask(operator, biz.bizId, reply.body.data.taskId);
    return reply.body.data.taskId;
  }

  it("retries a bulk task's failed rows as one task, then refuses a second retry naming the first", async () => {
    const taskId = await failedTask();
    const first = await operator.call<{ taskId: string }>("POST", `${base(biz.bizId)}/tasks/${encodeURIComponent(taskId)}/retry`);
    expect(first.status, first.text).toBe(201);
    if (!first.body.ok) throw new Error(first.text);
    const retryId = first.body.data.taskId;
    const retry = await finishedTask(operator, biz.bizId, retryId);
    expect(retry.retryOf).toBe(taskId);
    expect(retry.rows).toHaveLength(4);
    expect(new Set(retry.rows.map((row) => row.processId))).toEqual(new Set(processes.slice(0, 2)));

    const original = await finishedTask(operator, biz.bizId, taskId);
    expect(original.retriedAs).toBe(retryId);
    const before = await counts(biz.bizId);
    const second = await operator.call("POST", `${base(biz.bizId)}/tasks/${encodeURIComponent(taskId)}/retry`);
    expect(second.status, second.text).toBe(409);
    expect((second.body as TFailure).error.message).toContain(`already retried as ${retryId}`);
    expect(await counts(biz.bizId)).toEqual(before);
  });

  it("lets only one of two retries sent at once through", async () => {
    const taskId = await failedTask();
    const before = await counts(biz.bizId);
    const replies = await Promise.all([0, 1, 2].map(() => operator.call("POST", `${base(biz.bizId)}/tasks/${encodeURIComponent(taskId)}/retry`)));
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 409, 409]);
    for (const reply of replies.filter((r) => r.status === 409)) expect((reply.body as TFailure).error.message).toMatch(/already retried as GSETASK:/);
    const after = await counts(biz.bizId);
    expect(after.tasks).toBe(before.tasks + 1);
    expect(after.audits).toBe(before.audits + 1);
  });

  it("retries a task started through the JOB API from the console, resolving its process", async () => {
    const process = processes[0];
    const [record] = await sql<{ bk_process_name: string; bk_func_name: string }>(`SELECT bk_process_name, bk_func_name FROM process WHERE bk_process_id = $1`, [process]);
    const app = await createApp([{ bizId: biz.bizId, role: "operator" }]);
    const job = await esbAs<{ bk_gse_taskid: string }>(app, "job/operate_process/", {
      bk_biz_id: biz.bizId,
      op_type: 2,
      process_infos: [{ ip_list: [{ ip: biz.hostIp, bk_cloud_id: 0 }], proc_name: record.bk_func_name, setup_path: "/tmp", pid_path: "/tmp/bulk-job.pid" }],
    });
    expect(job.body.result, JSON.stringify(job.body)).toBe(true);
    const taskId = job.body.data.bk_gse_taskid;
    const original = await finishedTask(operator, biz.bizId, taskId);
    expect(original.processes).toEqual([{ processId: process, name: record.bk_process_name }]);
    const reply = await operator.call<{ taskId: string }>("POST", `${base(biz.bizId)}/tasks/${encodeURIComponent(taskId)}/retry`);
    expect(reply.status, reply.text).toBe(201);
    if (!reply.body.ok) throw new Error(reply.text);
    const retry = await finishedTask(operator, biz.bizId, reply.body.data.taskId);
    expect(retry).toMatchObject({ retryOf: taskId, processId: process });
    expect(retry.rows.map((row) => row.ip)).toEqual([biz.hostIp]);
    const viewerRetry = await viewer.call("POST", `${base(biz.bizId)}/tasks/${encodeURIComponent(reply.body.data.taskId)}/retry`);
    expect(viewerRetry.status, viewerRetry.text).toBe(403);
  });
});
