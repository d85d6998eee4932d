// Who may operate which hosts through the GSE / JOB APIs: the operator role in the business of every
// known target host (and, for JOB, in bk_biz_id, with every known host inside it); status reads need
// the viewer role; a task's results are for the app that created it or a viewer of its business.
// Hosts the topology does not know need nothing (their rows end 117). Refusals queue nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_BIZ, sql } from "../support/cmdb-client";
import { createApp, type TAppCredentials } from "../support/principals";
import { daemonSpec } from "../support/agent-harness";
import { createBusinessWithHost, esbAs, freshIp, insertHost, operationCounts, type TBizWithHost } from "./access-support";

const DEMO_HOST = { ip: "127.0.0.11", bk_cloud_id: 0 };
const META = { namespace: "access-test", name: `ops-${Date.now()}` };
const { spec } = daemonSpec();

const gseBody = (hosts: { ip: string; bk_cloud_id: number }[], opType = 2) => ({ meta: META, hosts, op_type: opType, spec });
const jobBody = (bizId: number, hosts: { ip: string; bk_cloud_id: number }[]) => ({
  bk_biz_id: bizId,
  op_type: 2,
  process_infos: [{ setup_path: spec.identity.setup_path, proc_name: "access-proc", pid_path: spec.identity.pid_path, ip_list: hosts }],
});

type TTaskRow = { bk_biz_id: number | null; app_code: string | null };
async function taskOf(taskId: string): Promise<TTaskRow> {
  const [row] = await sql<TTaskRow>(`SELECT bk_biz_id, app_code FROM task WHERE id = $1`, [taskId]);
  return row;
}

function expectForbidden(reply: { status: number; body: { result: boolean; code: number; message: string; data: unknown } }, ...patterns: RegExp[]) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(403);
  expect(reply.body).toMatchObject({ result: false, code: 9900403, data: null });
  for (const pattern of patterns) expect(reply.body.message).toMatch(pattern);
}

function expectOk<T>(reply: { status: number; body: { result: boolean; code: number; data: unknown } }): T {
  expect(reply.body, JSON.stringify(reply.body)).toMatchObject({ result: true, code: 0 });
  expect(reply.status).toBe(200);
  return reply.body.data as T;
}

let other: TBizWithHost;
let otherHost: { ip: string; bk_cloud_id: number };
let operatorDemo: TAppCredentials;
let viewerDemo: TAppCredentials;
let operatorOther: TAppCredentials;
let viewerOther: TAppCredentials;
let operatorBoth: TAppCredentials;

beforeAll(async () => {
  other = await createBusinessWithHost("acc-ops");
  otherHost = { ip: other.hostIp, bk_cloud_id: 0 };
  operatorDemo = await createApp([{ bizId: DEMO_BIZ, role: "operator" }]);
  viewerDemo = await createApp([{ bizId: DEMO_BIZ, role: "viewer" }]);
  operatorOther = await createApp([{ bizId: other.bizId, role: "operator" }]);
  viewerOther = await createApp([{ bizId: other.bizId, role: "viewer" }]);
  operatorBoth = await createApp([
    { bizId: DEMO_BIZ, role: "operator" },
    { bizId: other.bizId, role: "operator" },
  ]);
}, 60_000);

describe("GSE operate_proc", () => {
  it("an app with the operator role in business 2 operates a demo host; the task is recorded under business 2", async () => {
    const data = expectOk<{ task_id: string }>(await esbAs(operatorDemo, "gse/operate_proc/", gseBody([DEMO_HOST])));
    expect(await taskOf(data.task_id)).toEqual({ bk_biz_id: DEMO_BIZ, app_code: operatorDemo.code });
    const rows = expectOk<Record<string, unknown>>(await esbAs(operatorDemo, "gse/get_proc_operate_result/", { task_id: data.task_id }));
    expect(Object.keys(rows)).toEqual([`0:${DEMO_HOST.ip}:${META.namespace}:${META.name}`]);
  });

  it("a viewer app gets 403 naming the role, business and host, and no task is created", async () => {
    const before = await operationCounts();
    expectForbidden(await esbAs(viewerDemo, "gse/operate_proc/", gseBody([DEMO_HOST], 0)), /operator/, new RegExp(`business ${DEMO_BIZ}`), /127\.0\.0\.11/);
    expect(await operationCounts()).toEqual(before);
  });

  it("an app with a role only in another business gets 403 for a demo host, and no task is created", async () => {
    const before = await operationCounts();
    expectForbidden(await esbAs(operatorOther, "gse/operate_proc_v2/", gseBody([DEMO_HOST])), new RegExp(`business ${DEMO_BIZ}`));
    expect(await operationCounts()).toEqual(before);
  });

  it("one host the app may not operate among ones it may: 403 naming that host, nothing queued for any", async () => {
    const before = await operationCounts();
    expectForbidden(await esbAs(operatorDemo, "gse/operate_proc/", gseBody([DEMO_HOST, otherHost])), new RegExp(other.hostIp.replace(/\./g, "\\.")));
    expect(await operationCounts()).toEqual(before);
  });

  it("operate_proc_multi checks the hosts of every request", async () => {
    const before = await operationCounts();
    const body = { proc_operate_req: [gseBody([DEMO_HOST]), { ...gseBody([otherHost]), meta: { ...META, name: `${META.name}-b` } }] };
    expectForbidden(await esbAs(operatorDemo, "gse/operate_proc_multi/", body), new RegExp(`business ${other.bizId}`));
    expect(await operationCounts()).toEqual(before);
  });

  it("a task over hosts of two businesses belongs to neither; one over a single business's hosts belongs to it", async () => {
    const mixed = expectOk<{ task_id: string }>(await esbAs(operatorBoth, "gse/operate_proc_multi/", { proc_operate_req: [gseBody([DEMO_HOST]), gseBody([otherHost])] }));
    expect((await taskOf(mixed.task_id)).bk_biz_id).toBeNull();
    const single = expectOk<{ task_id: string }>(await esbAs(operatorBoth, "gse/operate_proc/", gseBody([otherHost])));
    expect((await taskOf(single.task_id)).bk_biz_id).toBe(other.bizId);
  });

  it("a host the topology does not know is allowed whatever the app's roles, and its row ends 117", async () => {
    const unknownIp = freshIp();
    const data = expectOk<{ task_id: string }>(await esbAs(operatorOther, "gse/operate_proc/", gseBody([{ ip: unknownIp, bk_cloud_id: 0 }])));
    expect(await taskOf(data.task_id)).toEqual({ bk_biz_id: null, app_code: operatorOther.code });
    const rows = expectOk<Record<string, { error_code: number }>>(await esbAs(operatorOther, "gse/get_proc_operate_result/", { task_id: data.task_id }));
    expect(rows[`0:${unknownIp}:${META.namespace}:${META.name}`].error_code).toBe(117);
    // a task of no business: only its creator (or a viewer of every business) reads it
    expectForbidden(await esbAs(viewerDemo, "gse/get_proc_operate_result/", { task_id: data.task_id }), /every business/);
  });

  it("a known host in no module belongs to no business: only a grant on every business reaches it", async () => {
    const loose = await insertHost("acc-loose");
    const before = await operationCounts();
    expectForbidden(await esbAs(operatorBoth, "gse/operate_proc/", gseBody([{ ip: loose.hostIp, bk_cloud_id: 0 }])), /no business/);
    expect(await operationCounts()).toEqual(before);
    const everywhere = await createApp([{ bizId: 0, role: "operator" }]);
    expectOk(await esbAs(everywhere, "gse/operate_proc/", gseBody([{ ip: loose.hostIp, bk_cloud_id: 0 }])));
  });
});

describe("JOB operate_process and manage_proc", () => {
  it("bk_biz_id of one business with a host of another: 403 naming the host, no task", async () => {
    const before = await operationCounts();
    expectForbidden(await esbAs(operatorBoth, "job/operate_process/", jobBody(other.bizId, [DEMO_HOST])), /127\.0\.0\.11/, new RegExp(`business ${other.bizId}`));
    expectForbidden(await esbAs(operatorBoth, "job/manage_proc/", { ...jobBody(other.bizId, [DEMO_HOST]), op_type: 2, process_infos: [{ proc_name: "access-proc", proc_owner: "root", ip_list: [DEMO_HOST] }] }), /127\.0\.0\.11/);
    expect(await operationCounts()).toEqual(before);
  });

  it("needs the operator role in bk_biz_id even for hosts the topology does not know", async () => {
    const before = await operationCounts();
    expectForbidden(await esbAs(operatorDemo, "job/operate_proc/", jobBody(other.bizId, [{ ip: freshIp(), bk_cloud_id: 0 }])), /operator/, new RegExp(`business ${other.bizId}`));
    expectForbidden(await esbAs(viewerOther, "job/operate_process/", jobBody(other.bizId, [otherHost])), /operator/);
    expect(await operationCounts()).toEqual(before);
  });

  it("an operator of the business operates its host; the task is the business's", async () => {
    const data = expectOk<{ bk_gse_taskid: string }>(await esbAs(operatorOther, "job/operate_process/", jobBody(other.bizId, [otherHost])));
    expect(await taskOf(data.bk_gse_taskid)).toEqual({ bk_biz_id: other.bizId, app_code: operatorOther.code });
  });
});

describe("polling results", () => {
  it("someone else's task of a business you cannot view: 403; a viewer of its business and its creator may read it", async () => {
    const gse = expectOk<{ task_id: string }>(await esbAs(operatorDemo, "gse/operate_proc/", gseBody([DEMO_HOST])));
    expectForbidden(await esbAs(viewerOther, "gse/get_proc_operate_result/", { task_id: gse.task_id }), /viewer/, new RegExp(`business ${DEMO_BIZ}`));
    expectForbidden(await esbAs(operatorOther, "gse/get_proc_operate_result_v2/", { task_id: gse.task_id }, "GET"));
    expectOk(await esbAs(viewerDemo, "gse/get_proc_operate_result/", { task_id: gse.task_id }));
    expectOk(await esbAs(operatorDemo, "gse/get_proc_operate_result/", { task_id: gse.task_id }, "GET"));

    const job = expectOk<{ bk_gse_taskid: string }>(await esbAs(operatorOther, "job/operate_process/", jobBody(other.bizId, [otherHost])));
    expectForbidden(await esbAs(viewerDemo, "job/get_proc_result/", { bk_biz_id: other.bizId, bk_gse_taskid: job.bk_gse_taskid }), /viewer/);
    expectOk(await esbAs(viewerOther, "job/get_proc_result/", { bk_biz_id: other.bizId, bk_gse_taskid: job.bk_gse_taskid }, "GET"));
  });

  it("an unknown task is still 1199019 for any app (HTTP 200, as the ESB answers)", async () => {
    const reply = await esbAs(viewerDemo, "gse/get_proc_operate_result/", { task_id: "GSETASK:20200101000000:1" });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ result: false, code: 1199019 });
  });
});

describe("GSE get_proc_status", () => {
  it("needs the viewer role in the hosts' business", async () => {
    const data = expectOk<{ proc_infos: { host: { ip: string } }[] }>(await esbAs(viewerDemo, "gse/get_proc_status/", { meta: META, hosts: [DEMO_HOST] }));
    expect(data.proc_infos.map((info) => info.host.ip)).toEqual([DEMO_HOST.ip]);
    expectForbidden(await esbAs(viewerOther, "gse/get_proc_status_v2/", { meta: META, hosts: [DEMO_HOST] }), /viewer/, new RegExp(`business ${DEMO_BIZ}`));
  });

  it("a host the topology does not know reads as unregistered for any app", async () => {
    const noRoles = await createApp([]);
    const data = expectOk<{ proc_infos: { status: number }[] }>(await esbAs(noRoles, "gse/get_proc_status/", { meta: META, hosts: [{ ip: freshIp(), bk_cloud_id: 0 }] }));
    expect(data.proc_infos).toMatchObject([{ status: 0 }]);
  });
});
