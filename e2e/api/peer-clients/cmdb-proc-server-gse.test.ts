// bk-cmdb 3.2's proc_server as a GSE client (TencentBlueKing/bk-cmdb, release-v3.2.26):
// src/scene_server/proc_server/logics/gsehandle.go registers each process instance with
// register_proc_info and operates it with operate_proc, through src/thirdpartyclient/esbserver/gse/api.go,
// which inlines metadata.GseProcRequest (src/common/metadata/procserver.go) beside the ESB common
// params: bk_supplier_id as a string at the top, hosts {bk_host_id, ip, bk_cloud_id, bk_supplier_id},
// namespace "<bk_biz_id>.<bk_module_id>", a v1 spec with no user and no proc_name, an empty
// monitor_policy, and — since GseProcRequest.Spec is a struct, not a pointer — an empty spec shell on
// every operate_proc, which then runs the registered spec.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAgent, type TAgent } from "../support/agent-harness";
import { dataApi, gsekitProcessInfo, sleep, type TEsbResponse } from "../support/blueking-clients";

const IP = "127.0.0.66";
const info = gsekitProcessInfo(`cmdb32-${Date.now()}`);
const meta = { namespace: "2.31", name: info.bk_process_name };
const hosts = [{ bk_host_id: 9001, ip: IP, bk_cloud_id: 0, bk_supplier_id: 0 }];
const KEY = `0:0:${IP}:${meta.namespace}:${meta.name}`;
const EMPTY_SPEC = { identity: {}, control: {}, resource: {}, monitor_policy: {}, warn_report_policy: {} };

type TDetail = { error_code: number; error_msg: string; content: string };

let agent: TAgent;

beforeAll(async () => {
  agent = await startAgent(IP);
});

afterAll(async () => {
  await agent?.stop();
});

/** esbParams: EsbCommParams (bk_supplier_id "0") + the inlined GseProcRequest. */
function gseProcRequest(opType: number | undefined, spec: unknown) {
  return { bk_supplier_id: "0", bk_biz_id: 2, bk_module_id: 31, bk_process_id: 17, meta, hosts, ...(opType === undefined ? {} : { op_type: opType }), spec };
}

describe("bk-cmdb 3.2 proc_server's GSE calls", () => {
  it("register_proc_info with its v1 spec (no user, no proc_name, empty monitor_policy) succeeds per host", async () => {
    const spec = { identity: { setup_path: info.work_path, pid_path: info.pid_file }, control: { start_cmd: info.start_cmd, stop_cmd: info.stop_cmd, reload_cmd: info.reload_cmd, restart_cmd: "" }, resource: {}, monitor_policy: {}, warn_report_policy: {} };
    const reply = await dataApi<TEsbResponse<Record<string, TDetail>>>("/api/c/compapi/v2/gse/register_proc_info/", gseProcRequest(3, spec), { raw: true });
    expect(reply).toMatchObject({ result: true, code: 0 });
    expect(reply.data[KEY]).toMatchObject({ error_code: 0 });
  });

  it("operate_proc with the empty spec shell runs the registered spec; data.task_id polls under the v1 key", async () => {
    const { task_id: taskId } = await dataApi<{ task_id: string }>("/api/c/compapi/v2/gse/operate_proc/", gseProcRequest(2, EMPTY_SPEC));
    let detail: TDetail | undefined;
    for (let poll = 0; poll < 60 && (!detail || detail.error_code === 115); poll += 1) {
      detail = (await dataApi<Record<string, TDetail>>("/api/c/compapi/v2/gse/get_proc_operate_result/", { bk_supplier_id: "0", task_id: taskId }))[KEY];
      await sleep(300);
    }
    expect(detail).toMatchObject({ error_code: 0 });
    expect(JSON.parse(detail!.content).process[0]).toMatchObject({ procname: meta.name, instance: [expect.objectContaining({ pid: -1 })] });
  });

  it("deliberately refused: proc_server's own op types 5 / 6 (register+start, unregister+stop) are not GSE's", async () => {
    const reply = await dataApi<TEsbResponse>("/api/c/compapi/v2/gse/operate_proc/", gseProcRequest(5, EMPTY_SPEC), { raw: true });
    expect(reply).toMatchObject({ result: false, code: 1199006, message: expect.stringContaining("op_type") });
  });

  it("unregister_proc_info forgets it: the empty shell is then refused, naming spec.identity.proc_name", async () => {
    const reply = await dataApi<Record<string, TDetail>>("/api/c/compapi/v2/gse/unregister_proc_info/", gseProcRequest(4, EMPTY_SPEC));
    expect(reply[KEY]).toMatchObject({ error_code: 0 });
    const refused = await dataApi<TEsbResponse>("/api/c/compapi/v2/gse/operate_proc/", gseProcRequest(2, EMPTY_SPEC), { raw: true });
    expect(refused).toMatchObject({ result: false, code: 1199006, message: expect.stringContaining("spec.identity.proc_name") });
  });
});
