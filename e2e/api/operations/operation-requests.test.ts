// Bad operation requests get a clear ESB error and queue nothing; JOB and multi requests use their own
// result keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/cmdb-client";
import { daemonSpec, esb, isAlive, readPid, startAgent, waitFor, type TAgent } from "../support/agent-harness";

const taskCount = async () => Number((await sql<{ n: string }>("SELECT count(*) AS n FROM task"))[0].n);

describe("refused before anything is queued", () => {
  const { spec } = daemonSpec();
  const valid = { meta: { namespace: "ops-test", name: "refused" }, hosts: [{ ip: "127.0.0.21", bk_cloud_id: 0 }], op_type: 0, spec };
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["an unknown op_type", { ...valid, op_type: 5 }, /op_type/],
    ["op_type as a string", { ...valid, op_type: "0" }, /op_type/],
    ["no hosts", { ...valid, hosts: [] }, /hosts/],
    ["missing hosts", { meta: valid.meta, op_type: 0, spec }, /hosts/],
    ["a spec without pid_path", { ...valid, spec: { ...spec, identity: { ...spec.identity, pid_path: undefined } } }, /pid_path/],
    ["a spec without alive_monitor_policy", { ...valid, spec: { identity: spec.identity, control: spec.control } }, /alive_monitor_policy/],
    ["no meta.name", { ...valid, meta: { namespace: "x" } }, /meta\.name/],
  ];
  for (const [label, body, field] of cases) {
    it(`${label}: 1199006 naming the field (HTTP 200, as the ESB answers), no task`, async () => {
      const before = await taskCount();
      const reply = await esb("gse/operate_proc/", body);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ result: false, code: 1199006, data: null });
      expect(reply.body.message).toMatch(field);
      expect(reply.body.request_id).toMatch(/^[0-9a-f]{32}$/);
      expect(await taskCount()).toBe(before);
    });
  }

  it("JOB operate_process without pid_path or with an unknown business: refused, no task", async () => {
    const before = await taskCount();
    const noPid = await esb("job/operate_process/", { bk_biz_id: 2, op_type: 0, process_infos: [{ setup_path: "/tmp", proc_name: "x", ip_list: [{ bk_cloud_id: 0, ip: "127.0.0.21" }] }] });
    expect(noPid.body).toMatchObject({ result: false, code: 1199006 });
    expect(noPid.body.message).toContain("pid_path");
    const noBiz = await esb("job/operate_process/", { bk_biz_id: 999, op_type: 0, process_infos: [{ setup_path: "/tmp", proc_name: "x", pid_path: "/tmp/x.pid", ip_list: [{ bk_cloud_id: 0, ip: "127.0.0.21" }] }] });
    expect(noBiz.body).toMatchObject({ result: false, code: 1199019 });
    const badManage = await esb("job/manage_proc/", { bk_biz_id: 2, op_type: 3, process_infos: [{ proc_name: "x", proc_owner: "root", ip_list: [{ bk_cloud_id: 0, ip: "127.0.0.21" }] }] });
    expect(badManage.body).toMatchObject({ result: false, code: 1199006 });
    expect(await taskCount()).toBe(before);
  });

  it("no app credentials: 401 in the ESB envelope", async () => {
    const response = await fetch(`${process.env.PROCDECK_TEST_URL}/api/c/compapi/v2/gse/operate_proc/`, { method: "POST", body: JSON.stringify(valid) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ result: false, code: 1199027, data: null });
  });

  it("an unknown task id polls as 1199019", async () => {
    const reply = await esb("gse/get_proc_operate_result/", { task_id: "GSETASK:20200101000000:1" });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ result: false, code: 1199019 });
  });
});

describe("JOB and multi requests against a real agent", () => {
  let agent: TAgent;
  const daemon = daemonSpec();
  const setupPath = daemon.dir;

  beforeAll(async () => {
    agent = await startAgent("127.0.0.21");
  });

  afterAll(async () => {
    await agent?.stop();
    const pid = readPid(daemon.pidPath);
    if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
  });

  async function jobResult(taskId: string) {
    let data: { status: number; result: Record<string, { error_code: number; content: unknown }> } = { status: 115, result: {} };
    await waitFor(async () => {
      const reply = await esb("job/get_proc_result/", { bk_biz_id: 2, bk_gse_taskid: taskId });
      data = reply.body.data as typeof data;
      return data.status !== 115;
    }, 20_000, () => JSON.stringify(data));
    return data;
  }

  it("operate_process start and status report under '<setup_path>/<proc_name>:<cloud>:<ip>'", async () => {
    const info = { setup_path: setupPath, proc_name: "pidfile-daemon", pid_path: daemon.pidPath, account: daemon.spec.identity.user, start_cmd: daemon.spec.control.start_cmd, stop_cmd: daemon.spec.control.stop_cmd, start_check_begin_time: 1, ip_list: [{ bk_cloud_id: 0, ip: "127.0.0.21" }] };
    const start = await esb("job/operate_process/", { bk_biz_id: 2, op_type: 0, process_infos: [info] });
    expect(start.body).toMatchObject({ result: true, code: 0 });
    const taskId = (start.body.data as { bk_gse_taskid: string }).bk_gse_taskid;
    const key = `${setupPath}/pidfile-daemon:0:127.0.0.21`;
    expect((await jobResult(taskId)).result[key].error_code).toBe(0);

    const status = await esb("job/operate_proc/", { bk_biz_id: 2, op_type: 2, process_infos: [info] });
    const result = await jobResult((status.body.data as { bk_gse_taskid: string }).bk_gse_taskid);
    // decoded, as the ESB component's format_result returns it
    expect((result.result[key].content as { pid: number }).pid).toBe(readPid(daemon.pidPath));

    const polledOtherBusiness = await esb("job/get_proc_result/", { bk_biz_id: 3, bk_gse_taskid: taskId });
    expect(polledOtherBusiness.body).toMatchObject({ result: false, code: 1199019 });
  });

  it("manage_proc unregisters, and GSE get_proc_status shows the managed flag", async () => {
    const info = { proc_name: "pidfile-daemon", proc_owner: "root", setup_path: setupPath, pid_path: daemon.pidPath, ip_list: [{ bk_cloud_id: 0, ip: "127.0.0.21" }] };
    const reply = await esb("job/manage_proc/", { bk_biz_id: 2, op_type: 2, process_infos: [info] });
    const taskId = (reply.body.data as { bk_gse_taskid: string }).bk_gse_taskid;
    expect(Object.values((await jobResult(taskId)).result)[0].error_code).toBe(0);
    const status = await esb("gse/get_proc_status/", { meta: { namespace: "JOB_BIZ_2", name: `${setupPath}/pidfile-daemon` }, hosts: [{ ip: "127.0.0.21", bk_cloud_id: 0 }] });
    const [info0] = (status.body.data as { proc_infos: { isauto: boolean; status: number; pid: number }[] }).proc_infos;
    expect(info0).toMatchObject({ isauto: false, status: 1, pid: readPid(daemon.pidPath) });
  });

  it("operate_proc_multi puts several operations in one task", async () => {
    const other = daemonSpec();
    const reply = await esb("gse/operate_proc_multi/", {
      proc_operate_req: [
        { meta: { namespace: "ops-test", name: "multi-a" }, hosts: [{ ip: "127.0.0.21", bk_cloud_id: 0 }], op_type: 2, spec: daemon.spec },
        { meta: { namespace: "ops-test", name: "multi-b" }, hosts: [{ ip: "127.0.0.21", bk_cloud_id: 0 }], op_type: 0, spec: other.spec },
      ],
    });
    const taskId = (reply.body.data as { task_id: string }).task_id;
    let rows: Record<string, { error_code: number }> = {};
    await waitFor(async () => {
      rows = (await esb("gse/get_proc_operate_result_v2/", { task_id: taskId })).body.data as typeof rows;
      return Object.values(rows).every((row) => row.error_code !== 115);
    }, 20_000, () => JSON.stringify(rows));
    expect(rows["0:127.0.0.21:ops-test:multi-a"].error_code).toBe(0);
    expect(rows["0:127.0.0.21:ops-test:multi-b"].error_code).toBe(0);
    const pid = readPid(other.pidPath);
    expect(isAlive(pid)).toBe(true);
    process.kill(pid!, "SIGTERM");
  });
});
