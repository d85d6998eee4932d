// Cross-business isolation on the console: a user who administers business A cannot read, edit, bind,
// delete, operate or see the tasks or history of business B by guessing ids. Through B's URL every
// route is 403; through A's URL with B's ids every object is a 404 that shows nothing of B; A's lists
// hold nothing of B; and B is exactly as it was afterwards.
import { beforeAll, describe, expect, it } from "vitest";
import { cmdb, createProcess, expectSuccess, sql, uniqueName } from "../support/cmdb-client";
import { signedInUser, type TConsoleClient, type TConsoleReply } from "../support/principals";
import { esb } from "../support/agent-harness";
import { createBusinessWithHost, type TBizWithHost } from "./access-support";

type TRequest = [label: string, method: string, path: () => string, body?: () => unknown];

const B_PROCESS_NAME = uniqueName("iso-b-secret");
let a: TBizWithHost;
let b: TBizWithHost;
let userA: TConsoleClient;
/** B's bound process, an unbound one, a console task and a GSE task of B */
let bProcess: number;
let bLoose: number;
let bConsoleTask: string;
let bGseTask: string;
let aProcess: number;

const envelope = (reply: TConsoleReply) => reply.body;
const taskPath = (bizId: number, taskId: string) => `/api/console/businesses/${bizId}/tasks/${encodeURIComponent(taskId)}`;
const processPath = (bizId: number, processId: number) => `/api/console/businesses/${bizId}/processes/${processId}`;

/** Everything of B a refused request could have touched, including tasks on B's host from anywhere. */
async function snapshotOfB(): Promise<unknown> {
  const [row] = await sql<{ snapshot: unknown }>(
    `SELECT json_build_object(
       'processes', (SELECT json_agg(json_build_object('id', bk_process_id, 'revision', revision, 'description', description, 'name', bk_process_name) ORDER BY bk_process_id) FROM process WHERE bk_biz_id = $1),
       'bindings', (SELECT json_agg(bk_process_id || ':' || bk_module_name ORDER BY bk_process_id, bk_module_name) FROM process_module_binding WHERE bk_biz_id = $1),
       'tasksOfB', (SELECT count(*) FROM task WHERE bk_biz_id = $1),
       'rowsOnHostOfB', (SELECT count(*) FROM task_row WHERE bk_host_id = $2),
       'auditOfB', (SELECT count(*) FROM audit_entry WHERE bk_biz_id = $1)) AS snapshot`,
    [b.bizId, b.hostId],
  );
  return row.snapshot;
}

let before: unknown;

beforeAll(async () => {
  [a, b] = [await createBusinessWithHost("iso-a"), await createBusinessWithHost("iso-b")];
  const operable = { work_path: "/tmp/iso", pid_file: "/tmp/iso/iso.pid", start_cmd: "true", stop_cmd: "true" };
  bProcess = await createProcess({ ...operable, bk_process_name: B_PROCESS_NAME }, b.bizId);
  expectSuccess(await cmdb("PUT", `/api/v3/proc/module/0/${b.bizId}/${bProcess}/${encodeURIComponent(b.moduleName)}`));
  bLoose = await createProcess({}, b.bizId);
  aProcess = await createProcess(operable, a.bizId);
  expectSuccess(await cmdb("PUT", `/api/v3/proc/module/0/${a.bizId}/${aProcess}/${encodeURIComponent(a.moduleName)}`));

  const userB = await signedInUser({ roles: [{ bizId: b.bizId, role: "admin" }], prefix: "iso-b" });
  const operated = await userB.call<{ taskId: string }>("POST", `${processPath(b.bizId, bProcess)}/operations`, { body: { opType: 2, hostIds: [b.hostId] } });
  expect(operated.status, operated.text).toBe(201);
  bConsoleTask = (envelope(operated) as { data: { taskId: string } }).data.taskId;
  const gse = await esb("gse/operate_proc/", {
    meta: { namespace: "iso", name: "iso" },
    hosts: [{ ip: b.hostIp, bk_cloud_id: 0 }],
    op_type: 2,
    spec: { identity: { proc_name: "iso", setup_path: "/tmp", pid_path: "/tmp/iso.pid", user: "root" }, alive_monitor_policy: { auto_type: 1 } },
  });
  bGseTask = (gse.body.data as { task_id: string }).task_id;

  userA = await signedInUser({ roles: [{ bizId: a.bizId, role: "admin" }], prefix: "iso-a" });
  before = await snapshotOfB();
}, 60_000);

describe("through business B's URL", () => {
  const requests: TRequest[] = [
    ["list processes", "GET", () => `/api/console/businesses/${b.bizId}/processes`],
    ["create a process", "POST", () => `/api/console/businesses/${b.bizId}/processes`, () => ({ bk_process_name: uniqueName("iso-new"), bk_func_name: "x" })],
    ["read a process", "GET", () => processPath(b.bizId, bProcess)],
    ["edit a process", "PATCH", () => processPath(b.bizId, bProcess), () => ({ expectedRevision: 1, changes: { description: "from A" } })],
    ["delete a process", "DELETE", () => processPath(b.bizId, bLoose)],
    ["batch edit", "POST", () => `/api/console/businesses/${b.bizId}/processes/batch-update`, () => ({ ids: [bProcess], changes: { description: "from A" } })],
    ["preview a batch edit", "POST", () => `/api/console/businesses/${b.bizId}/processes/batch-update/preview`, () => ({ ids: [bProcess], changes: { description: "from A" } })],
    ["list bindings", "GET", () => `${processPath(b.bizId, bProcess)}/modules`],
    ["bind", "PUT", () => `${processPath(b.bizId, bLoose)}/modules/${encodeURIComponent(b.moduleName)}`],
    ["unbind", "DELETE", () => `${processPath(b.bizId, bProcess)}/modules/${encodeURIComponent(b.moduleName)}`],
    ["read the history", "GET", () => `${processPath(b.bizId, bProcess)}/history`],
    ["operate", "POST", () => `${processPath(b.bizId, bProcess)}/operations`, () => ({ opType: 2, hostIds: [b.hostId] })],
    ["list operation hosts", "GET", () => `${processPath(b.bizId, bProcess)}/operation-hosts`],
    ["list instances", "GET", () => `${processPath(b.bizId, bProcess)}/instances`],
    ["list module names", "GET", () => `/api/console/businesses/${b.bizId}/modules`],
    ["list hosts", "GET", () => `/api/console/businesses/${b.bizId}/hosts`],
    ["see the task history", "GET", () => `/api/console/businesses/${b.bizId}/tasks`],
    ["read a task", "GET", () => taskPath(b.bizId, bConsoleTask)],
    ["retry a task", "POST", () => `${taskPath(b.bizId, bConsoleTask)}/retry`],
  ];

  it.each(requests)("%s: 403", async (_label, method, path, body) => {
    const reply = await userA.call(method, path(), { body: body?.() });
    expect(reply.status, reply.text).toBe(403);
    expect(envelope(reply)).toMatchObject({ ok: false, error: { code: 9900403, kind: "FORBIDDEN" } });
    expect(reply.text).not.toContain(B_PROCESS_NAME);
  });
});

describe("through business A's URL with B's ids", () => {
  const requests: TRequest[] = [
    ["read B's process", "GET", () => processPath(a.bizId, bProcess)],
    ["edit B's process", "PATCH", () => processPath(a.bizId, bProcess), () => ({ expectedRevision: 1, changes: { description: "from A" } })],
    ["delete B's process", "DELETE", () => processPath(a.bizId, bLoose)],
    ["list B's process's bindings", "GET", () => `${processPath(a.bizId, bProcess)}/modules`],
    ["bind B's process to A's module", "PUT", () => `${processPath(a.bizId, bLoose)}/modules/${encodeURIComponent(a.moduleName)}`],
    ["unbind B's binding", "DELETE", () => `${processPath(a.bizId, bProcess)}/modules/${encodeURIComponent(b.moduleName)}`],
    ["read B's process's history", "GET", () => `${processPath(a.bizId, bProcess)}/history`],
    ["operate B's process", "POST", () => `${processPath(a.bizId, bProcess)}/operations`, () => ({ opType: 2, hostIds: [b.hostId] })],
    ["list B's process's operation hosts", "GET", () => `${processPath(a.bizId, bProcess)}/operation-hosts`],
    ["list B's process's instances", "GET", () => `${processPath(a.bizId, bProcess)}/instances`],
    ["read B's console task", "GET", () => taskPath(a.bizId, bConsoleTask)],
    ["read B's GSE task", "GET", () => taskPath(a.bizId, bGseTask)],
    ["retry B's task", "POST", () => `${taskPath(a.bizId, bConsoleTask)}/retry`],
  ];

  it.each(requests)("%s: 404 showing nothing of B", async (_label, method, path, body) => {
    const reply = await userA.call(method, path(), { body: body?.() });
    expect(reply.status, reply.text).toBe(404);
    expect(envelope(reply)).toMatchObject({ ok: false, error: { code: 1199019, kind: "NOT_FOUND" } });
    expect(reply.text).not.toContain(B_PROCESS_NAME);
    expect(reply.text).not.toContain(b.hostIp);
  });

  it("batch edit and its preview with B's ids: refused, nothing of B shown", async () => {
    for (const path of ["batch-update", "batch-update/preview"]) {
      const reply = await userA.call("POST", `/api/console/businesses/${a.bizId}/processes/${path}`, { body: { ids: [aProcess, bProcess], changes: { description: "from A" } } });
      expect(reply.status, reply.text).toBe(400);
      expect(envelope(reply)).toMatchObject({ ok: false, error: { code: 1199028 } });
      expect(reply.text).not.toContain(B_PROCESS_NAME);
    }
    // all or nothing: A's own process was not edited either
    const [row] = await sql<{ description: string }>(`SELECT description FROM process WHERE bk_process_id = $1`, [aProcess]);
    expect(row.description).not.toBe("from A");
  });

  it("operating A's process on B's host: refused, no task", async () => {
    const reply = await userA.call("POST", `${processPath(a.bizId, aProcess)}/operations`, { body: { opType: 2, hostIds: [b.hostId] } });
    expect(reply.status, reply.text).toBe(400);
    expect(envelope(reply)).toMatchObject({ ok: false, error: { code: 1199028 } });
  });
});

describe("A's own lists", () => {
  it("the task history shows only A's tasks, even when filtered by B's process or host", async () => {
    const own = await userA.call("POST", `${processPath(a.bizId, aProcess)}/operations`, { body: { opType: 2, hostIds: [a.hostId] } });
    expect(own.status, own.text).toBe(201);
    const ownTask = (envelope(own) as { data: { taskId: string } }).data.taskId;

    const history = envelope(await userA.call("GET", `/api/console/businesses/${a.bizId}/tasks?pageSize=100`)) as { ok: true; data: { count: number; tasks: { id: string }[] } };
    expect(history.data.tasks.map((task) => task.id)).toEqual([ownTask]);
    for (const filter of [`processId=${bProcess}`, `ip=${b.hostIp}`]) {
      const filtered = envelope(await userA.call("GET", `/api/console/businesses/${a.bizId}/tasks?${filter}`)) as { ok: true; data: { count: number } };
      expect(filtered.data.count, filter).toBe(0);
    }
  });

  it("the process list and the business switcher hold nothing of B", async () => {
    const list = await userA.call("GET", `/api/console/businesses/${a.bizId}/processes?size=200`);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(B_PROCESS_NAME);
    const businesses = envelope(await userA.call("GET", "/api/console/businesses")) as { ok: true; data: { bk_biz_id: number }[] };
    const ids = businesses.data.map((business) => business.bk_biz_id);
    expect(ids).toContain(a.bizId);
    expect(ids).not.toContain(b.bizId);
  });
});

describe("afterwards", () => {
  it("business B is exactly as it was", async () => {
    expect(await snapshotOfB()).toEqual(before);
  });
});
