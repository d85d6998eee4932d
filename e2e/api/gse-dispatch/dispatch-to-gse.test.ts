// A business that dispatches to an existing GSE (README, "Beyond one fleet"): its operations — from
// the console and from Procdeck's own GSE API — are sent with operate_proc_multi to the GSE configured
// for it, here a second Procdeck with a database of its own and its own agent on loopback
// (support/remote-gse.ts), and GSE's results land in the rows of the server under test, where the
// console's task page and Procdeck's get_proc_operate_result read them like any other task's. A GSE
// that cannot be reached, or refuses the request, ends the rows with the reason instead of leaving them
// at 115; the gateway secret is never answered back.
import net from "node:net";
import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daemonSpec, esb, isAlive, readPid, startAgent, waitFor, waitForGseTask, type TAgent } from "../support/agent-harness";
import { cmdb, createProcess, expectSuccess, sql, uniqueName } from "../support/cmdb-client";
import { signedInUser, type TConsoleClient } from "../support/principals";
import { startRemoteGse, type TRemoteGse } from "../support/remote-gse";
import { createBusinessWithHost, type TBizWithHost } from "../access/access-support";
import { findFreePort } from "@/scripts/support/free-port";

type TTaskRow = { ip: string; code: number; message: string };
type TTask = { id: string; isFinished: boolean; gseTaskIds: string[] | null; rows: TTaskRow[] };
type TDispatchView = { backend: "procdeck" | "gse"; gatewayUrl?: string; appCode?: string; username?: string; isSecretSealed?: boolean; appSecret?: unknown };

let remote: TRemoteGse;
let remoteAgent: TAgent;
let admin: TConsoleClient;
let biz: TBizWithHost;
let daemon: ReturnType<typeof daemonSpec>;
let processId: number;

const base = (bizId: number) => `/api/console/businesses/${bizId}`;
const dispatchPath = (bizId: number) => `/api/console/admin/businesses/${bizId}/dispatch`;

async function setDispatch(bizId: number, body: Record<string, unknown>): Promise<TDispatchView> {
  const reply = await admin.call<TDispatchView>("PUT", dispatchPath(bizId), { body });
  expect(reply.status, reply.text).toBe(200);
  return (reply.body as { data: TDispatchView }).data;
}

function useRemote(bizId: number, overrides: Record<string, unknown> = {}) {
  return setDispatch(bizId, { backend: "gse", gatewayUrl: remote.gatewayUrl, appCode: remote.app.code, appSecret: remote.app.secret, username: "gse-dispatch", ...overrides });
}

async function operateFromConsole(bizId: number, opType: number, hostIds: number[], onProcess = processId): Promise<string> {
  const reply = await admin.call<{ taskId: string }>("POST", `${base(bizId)}/processes/${onProcess}/operations`, { body: { opType, hostIds } });
  expect(reply.status, reply.text).toBe(201);
  return (reply.body as { data: { taskId: string } }).data.taskId;
}

async function finishedTask(bizId: number, taskId: string, timeoutMs = 45_000): Promise<TTask> {
  let task: TTask | undefined;
  await waitFor(
    async () => {
      const reply = await admin.call<TTask>("GET", `${base(bizId)}/tasks/${encodeURIComponent(taskId)}`);
      task = reply.body.ok ? reply.body.data : undefined;
      return task?.isFinished === true;
    },
    timeoutMs,
    () => `task ${taskId} did not finish: ${JSON.stringify(task?.rows)}`,
  );
  return task!;
}

/** A catalogue process of `bizId` that runs the test daemon, bound to the business's module. */
async function daemonProcess(target: TBizWithHost, spec: ReturnType<typeof daemonSpec>): Promise<number> {
  const id = await createProcess(
    {
      bk_func_name: "pidfile-daemon",
      work_path: spec.dir,
      pid_file: spec.pidPath,
      user: os.userInfo().username,
      start_cmd: spec.spec.control.start_cmd,
      stop_cmd: spec.spec.control.stop_cmd,
      timeout: 20,
    },
    target.bizId,
  );
  expectSuccess(await cmdb("PUT", `/api/v3/proc/module/0/${target.bizId}/${id}/${encodeURIComponent(target.moduleName)}`));
  return id;
}

beforeAll(async () => {
  remote = await startRemoteGse();
  admin = await signedInUser({ isGlobalAdmin: true, prefix: "gse-admin" });
  biz = await createBusinessWithHost("gse-dispatch");
  // the host's agent is the remote GSE's: no Procdeck agent ever enrolled on it here
  remoteAgent = await startAgent(biz.hostIp, undefined, { servers: [remote.server.url] });
  daemon = daemonSpec();
  processId = await daemonProcess(biz, daemon);
}, 150_000);

afterAll(async () => {
  await remoteAgent?.stop().catch(() => {});
  const pid = daemon ? readPid(daemon.pidPath) : null;
  if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
  await remote?.stop();
});

describe("dispatching a business's operations to an existing GSE", () => {
  it("answers the configuration without the secret, sealed, and audits the change", async () => {
    const view = await useRemote(biz.bizId);
    expect(view).toMatchObject({ backend: "gse", gatewayUrl: remote.gatewayUrl, appCode: remote.app.code, username: "gse-dispatch", isSecretSealed: true });
    const read = await admin.call<TDispatchView>("GET", dispatchPath(biz.bizId));
    expect(read.text).not.toContain(remote.app.secret);
    expect(JSON.stringify(view)).not.toContain(remote.app.secret);
    const [stored] = await sql<{ bk_app_secret: string }>("SELECT bk_app_secret FROM gse_backend WHERE bk_biz_id = $1", [biz.bizId]);
    expect(stored.bk_app_secret).not.toContain(remote.app.secret);
    const audits = await sql<{ action: string; after: Record<string, unknown> }>("SELECT action, after FROM audit_entry WHERE bk_biz_id = $1 AND object_type = 'business' ORDER BY id", [biz.bizId]);
    expect(audits.at(-1)).toMatchObject({ action: "set_dispatch", after: { backend: "gse", gateway_url: remote.gatewayUrl, bk_app_code: remote.app.code } });
    expect(JSON.stringify(audits)).not.toContain(remote.app.secret);

    // an update without a secret keeps the stored one; a bad URL is refused with nothing changed
    expect(await useRemote(biz.bizId, { appSecret: undefined })).toMatchObject({ backend: "gse", isSecretSealed: true });
    const bad = await admin.call("PUT", dispatchPath(biz.bizId), { body: { backend: "gse", gatewayUrl: "ftp://x", appCode: "a", username: "u" } });
    expect(bad.status).toBe(400);
    expect((await sql("SELECT 1 FROM gse_backend WHERE bk_biz_id = $1 AND gateway_url = $2", [biz.bizId, remote.gatewayUrl])).length).toBe(1);
  });

  it("refuses the configuration to anyone but a global administrator", async () => {
    const bizAdmin = await signedInUser({ roles: [{ bizId: biz.bizId, role: "admin" }], prefix: "gse-bizadmin" });
    expect((await bizAdmin.call("GET", dispatchPath(biz.bizId))).status).toBe(403);
    expect((await bizAdmin.call("PUT", dispatchPath(biz.bizId), { body: { backend: "procdeck" } })).status).toBe(403);
    expect((await sql("SELECT 1 FROM gse_backend WHERE bk_biz_id = $1", [biz.bizId])).length).toBe(1);
  });

  it("runs console operations on the remote GSE's agent, with its real results in the task", async () => {
    await useRemote(biz.bizId);
    const started = await finishedTask(biz.bizId, await operateFromConsole(biz.bizId, 0, [biz.hostId]));
    expect(started.rows).toEqual([expect.objectContaining({ ip: biz.hostIp, code: 0 })]);
    // the remote agent really ran the start command on this machine
    const pid = readPid(daemon.pidPath);
    expect(isAlive(pid)).toBe(true);
    // the remote GSE has the task: GSE's own task id was kept, and its row says the same
    const [dispatch] = await sql<{ remote_task_ids: string[]; state: string }>("SELECT remote_task_ids, state FROM gse_dispatch WHERE task_id = $1", [started.id]);
    expect(dispatch).toMatchObject({ state: "done", remote_task_ids: [expect.stringMatching(/^GSETASK:/)] });
    const remoteRows = await remote.query<{ ip: string; code: number; namespace: string }>("SELECT r.ip, r.code, r.namespace FROM task_row r WHERE r.task_id = $1", [dispatch.remote_task_ids[0]]);
    expect(remoteRows).toEqual([{ ip: biz.hostIp, code: 0, namespace: `GSEKIT_BIZ_${biz.bizId}` }]);
    // the task page names GSE's task
    expect(started.gseTaskIds).toEqual(dispatch.remote_task_ids);

    // a start of a running process: GSE's 828 comes back unchanged
    const again = await finishedTask(biz.bizId, await operateFromConsole(biz.bizId, 0, [biz.hostId]));
    expect(again.rows[0].code, again.rows[0].message).toBe(828);

    const stopped = await finishedTask(biz.bizId, await operateFromConsole(biz.bizId, 1, [biz.hostId]));
    expect(stopped.rows[0].code, stopped.rows[0].message).toBe(0);
    await waitFor(() => !isAlive(pid), 10_000, () => `daemon ${pid} still alive after the stop`);
  });

  it("sends operations of Procdeck's own GSE API to the remote GSE, and answers their results with it", async () => {
    await useRemote(biz.bizId);
    const reply = await esb("gse/operate_proc_multi/", {
      proc_operate_req: [{ meta: { namespace: `GSEKIT_BIZ_${biz.bizId}`, name: "api-daemon" }, hosts: [{ ip: biz.hostIp, bk_cloud_id: 0 }], op_type: 0, spec: daemon.spec }],
    });
    expect(reply.body, JSON.stringify(reply.body)).toMatchObject({ result: true });
    const taskId = (reply.body.data as { task_id: string }).task_id;
    const results = await waitForGseTask(taskId, 45_000);
    expect(results[`0:${biz.hostIp}:GSEKIT_BIZ_${biz.bizId}:api-daemon`]).toMatchObject({ error_code: 0 });

    const status = await esb("gse/operate_proc_multi/", {
      proc_operate_req: [{ meta: { namespace: `GSEKIT_BIZ_${biz.bizId}`, name: "api-daemon" }, hosts: [{ ip: biz.hostIp, bk_cloud_id: 0 }], op_type: 2, spec: daemon.spec }],
    });
    const statusRows = await waitForGseTask((status.body.data as { task_id: string }).task_id, 45_000);
    const row = statusRows[`0:${biz.hostIp}:GSEKIT_BIZ_${biz.bizId}:api-daemon`];
    expect(row.error_code, row.error_msg).toBe(0);
    // the remote agent's status content, as GSEKit reads it
    const content = JSON.parse(row.content) as { process: { instance: { pid: number }[] }[] };
    expect(content.process[0].instance[0].pid).toBe(readPid(daemon.pidPath));

    const stop = await esb("gse/operate_proc_multi/", {
      proc_operate_req: [{ meta: { namespace: `GSEKIT_BIZ_${biz.bizId}`, name: "api-daemon" }, hosts: [{ ip: biz.hostIp, bk_cloud_id: 0 }], op_type: 1, spec: daemon.spec }],
    });
    expect(Object.values(await waitForGseTask((stop.body.data as { task_id: string }).task_id, 45_000))[0]).toMatchObject({ error_code: 0 });
  });

  it("ends the rows with a clear failure when the GSE cannot be reached, instead of leaving them running", async () => {
    const down = await createBusinessWithHost("gse-down");
    const downProcess = await daemonProcess(down, daemonSpec());
    const port = await findFreePort(3900);
    await useRemote(down.bizId, { gatewayUrl: `http://127.0.0.1:${port}/api/c/compapi/v2/gse/` });
    const task = await finishedTask(down.bizId, await operateFromConsole(down.bizId, 0, [down.hostId], downProcess), 30_000);
    expect(task.rows[0].code).toBe(65535);
    expect(task.rows[0].message).toMatch(/not sent to GSE: GSE at http:\/\/127\.0\.0\.1:\d+\/api\/c\/compapi\/v2\/gse\/operate_proc_multi\/ could not be reached: ECONNREFUSED/);
  });

  it("does not send again a request GSE may have received but never answered", async () => {
    // a gateway that takes the connection and never answers
    const sockets: net.Socket[] = [];
    let requests = 0;
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      // Node's fetch may open a spare connection once a request is aborted; only one carries a request
      socket.once("data", () => (requests += 1));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const mute = await createBusinessWithHost("gse-mute");
      const muteProcess = await daemonProcess(mute, daemonSpec());
      await useRemote(mute.bizId, { gatewayUrl: `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}/api/c/compapi/v2/gse/` });
      const task = await finishedTask(mute.bizId, await operateFromConsole(mute.bizId, 0, [mute.hostId], muteProcess), 30_000);
      expect(task.rows[0].code).toBe(65535);
      expect(task.rows[0].message).toMatch(/not sent to GSE: GSE at .* did not answer within 10 s \(not sent again: GSE may have received it\)/);
      // a request that may have arrived is not sent twice
      expect(requests).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      silent.close();
    }
  });

  it("ends the rows with GSE's refusal when it answers with an error envelope", async () => {
    const refused = await createBusinessWithHost("gse-refused");
    const refusedProcess = await daemonProcess(refused, daemonSpec());
    await useRemote(refused.bizId, { appSecret: "not-the-remote-secret-0123456789" });
    const task = await finishedTask(refused.bizId, await operateFromConsole(refused.bizId, 0, [refused.hostId], refusedProcess), 30_000);
    expect(task.rows[0].code).toBe(65535);
    expect(task.rows[0].message).toMatch(/refused operate_proc_multi: \[\d+\]/);
    expect(task.rows[0].message).not.toContain("not-the-remote-secret");
  });

  it("takes over, from the database, a task an instance sent to GSE and then died with", async () => {
    await useRemote(biz.bizId);
    const name = uniqueName("taken-over");
    // what the dead instance did: sent a status query to GSE and kept GSE's task id…
    const sent = await fetch(remote.gatewayUrl + "operate_proc_multi/", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        bk_app_code: remote.app.code,
        bk_app_secret: remote.app.secret,
        bk_username: "dead-instance",
        proc_operate_req: [{ meta: { namespace: `GSEKIT_BIZ_${biz.bizId}`, name, labels: {} }, hosts: [{ ip: biz.hostIp, bk_cloud_id: 0 }], op_type: 2, spec: daemon.spec }],
      }),
    });
    const remoteTaskId = ((await sent.json()) as { data: { task_id: string } }).data.task_id;
    // …with its task, row and dispatch stored, its lease still running for 2 s
    const taskId = `GSETASK:20261201000000:${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const spec = { procName: "pidfile-daemon", setupPath: daemon.dir, pidPath: daemon.pidPath, user: os.userInfo().username, startCmd: "", stopCmd: "", restartCmd: "", reloadCmd: "", killCmd: "", autoType: 1, startCheckSecs: 1, startRetries: 3, startInterval: 1, opTimeout: 20 };
    await sql("INSERT INTO task (id, source, op_type, bk_biz_id, requested_by, row_count) VALUES ($1, 'gse', 2, $2, 'dead-instance', 1)", [taskId, biz.bizId]);
    await sql(
      `INSERT INTO task_row (task_id, bk_host_id, bk_cloud_id, ip, namespace, name, op_type, spec, code, claimed_at, claim_session, deadline)
       VALUES ($1, $2, 0, $3, $4, $5, 2, $6, 115, now(), 'gse', now() + interval '120 seconds')`,
      [taskId, biz.hostId, biz.hostIp, `GSEKIT_BIZ_${biz.bizId}`, name, JSON.stringify(spec)],
    );
    await sql("INSERT INTO gse_dispatch (task_id, bk_biz_id, state, remote_task_ids, next_at, give_up_at) VALUES ($1, $2, 'sent', ARRAY[$3], now() + interval '2 seconds', now() + interval '60 seconds')", [
      taskId,
      biz.bizId,
      remoteTaskId,
    ]);
    const [key, row] = Object.entries(await waitForGseTask(taskId, 30_000))[0];
    expect(key).toBe(`0:${biz.hostIp}:GSEKIT_BIZ_${biz.bizId}:${name}`);
    expect(row.error_code, row.error_msg).toBe(0);
    expect(JSON.parse(row.content)).toMatchObject({ process: [{ instance: [{ pid: expect.any(Number) }] }] });
  });

  // after the others that need the remote GSE: it freezes it
  it("ends rows a GSE stopped answering for at the task's give-up time, with the last error", async () => {
    const slow = daemonSpec();
    // a start that outlives the remote: GSE has the task, then goes away before it answers
    const slowProcess = await createProcess(
      { bk_func_name: "sleeper", work_path: slow.dir, pid_file: slow.pidPath, user: os.userInfo().username, start_cmd: "sleep 20", stop_cmd: "true", timeout: 5 },
      biz.bizId,
    );
    expectSuccess(await cmdb("PUT", `/api/v3/proc/module/0/${biz.bizId}/${slowProcess}/${encodeURIComponent(biz.moduleName)}`));
    await useRemote(biz.bizId);
    const taskId = await operateFromConsole(biz.bizId, 0, [biz.hostId], slowProcess);
    await waitFor(async () => (await sql<{ n: number }>("SELECT cardinality(remote_task_ids) AS n FROM gse_dispatch WHERE task_id = $1", [taskId]))[0]?.n === 1, 15_000, () => `task ${taskId} was not sent`);
    // frozen, not killed: its port stays its own (a freed one may be taken by another server at once)
    process.kill(-remote.server.pid, "SIGSTOP");
    try {
      // give-up: op_timeout 5 + start check 5 + slack 2 + 20 s margin after it was queued
      const task = await finishedTask(biz.bizId, taskId, 60_000);
      expect(task.rows[0].code).toBe(65535);
      expect(task.rows[0].message).toMatch(/^no result from GSE \(task GSETASK:[^)]+\) within op_timeout; last error: GSE at .*get_proc_operate_result_v2\/ did not answer within 10 s$/);
    } finally {
      process.kill(-remote.server.pid, "SIGCONT");
    }
  }, 90_000);

  it("goes back to Procdeck's agents when the business is switched back", async () => {
    const back = await createBusinessWithHost("gse-back");
    const backProcess = await daemonProcess(back, daemonSpec());
    await useRemote(back.bizId);
    expect(await setDispatch(back.bizId, { backend: "procdeck" })).toEqual({ bizId: back.bizId, backend: "procdeck" });
    // no Procdeck agent ever enrolled on the host: Procdeck's own rule (117 at once), nothing sent to GSE
    const task = await finishedTask(back.bizId, await operateFromConsole(back.bizId, 0, [back.hostId], backProcess), 10_000);
    expect(task.rows[0].code).toBe(117);
    expect(task.gseTaskIds).toBeNull();
    expect((await sql("SELECT 1 FROM gse_dispatch WHERE task_id = $1", [task.id])).length).toBe(0);
    const [audit] = await sql<{ action: string }>("SELECT action FROM audit_entry WHERE bk_biz_id = $1 AND object_type = 'business' ORDER BY id DESC LIMIT 1", [back.bizId]);
    expect(audit.action).toBe("clear_dispatch");
  });
});
