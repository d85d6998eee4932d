// GSEKit (TencentBlueKing/bk-process-config-manager) driving Procdeck as its GSE, v1 adapter:
// - requests built as apps/gsekit/pipeline_plugins/components/collections/gse.py
//   BulkGseOperateProcessService._execute builds them (namespace GSEKIT_BIZ_<id>, name
//   "<bk_process_name>_<local_inst_id>", labels with bk_process_id as an integer, hosts preprocessed by
//   apps/adapters/api/gse/v1.py to {ip, bk_cloud_id}), sent to gse/operate_proc_multi/ with no_request;
// - results polled as _schedule does: get_proc_operate_result_v2 with raw=True, top-level code
//   1000115 means "keep polling", a missing key counts as 115, 0 succeeds, stop + 829 is ignored;
// - status sync as apps/gsekit/process/handlers/process.py get_proc_inst_status_infos and
//   sync_proc_status_to_db do it (op_type 2 with op_timeout null, json.loads(content), then
//   sync_proc_status through apps/utils/batch_request.py's paging).
// Their HTTP layer (apps/api/base.py DataAPI) raises on any status but 200, so refusals must be 200.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAlive, readPid, startAgent, type TAgent } from "../support/agent-harness";
import { dataApi, DataApiError, gsekitProcessInfo, sleep, type TEsbResponse } from "../support/blueking-clients";

const GSE_ROOT = "/api/c/compapi/v2/gse/";
const GSE_RUNNING_TASK_CODE = 1000115;
const CODE = { SUCCESS: 0, RUNNING: 115, AGENT_NOT_FIND: 117, PROC_NO_RUNNING: 829 } as const;
const OP = { START: 0, STOP: 1, CHECK: 2, SET_AUTO: 3, UNSET_AUTO: 4 } as const;

const BIZ_ID = 2;
const NAMESPACE = `GSEKIT_BIZ_${BIZ_ID}`;
const HOST = { bk_host_innerip: "127.0.0.61", bk_cloud_id: 0, bk_agent_id: "" };
const NO_AGENT_HOST = { bk_host_innerip: "127.0.0.169", bk_cloud_id: 0, bk_agent_id: "" };
const processInfo = { ...gsekitProcessInfo(`gsekit-${Date.now()}`), bk_biz_id: BIZ_ID, bk_process_id: 4242 };
const LOCAL_INST_ID = 1;

type TJobTask = { id: number; host: typeof HOST; status?: string; failedReason?: string };
type TGseResult = { error_code: number; error_msg: string; content: string };

let agent: TAgent;

beforeAll(async () => {
  agent = await startAgent(HOST.bk_host_innerip);
});

afterAll(async () => {
  await agent?.stop();
  const pid = readPid(processInfo.pid_file);
  if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
});

/** gse.py _execute: one proc_operate_req item per job task, then the v1 adapter's host preprocessing. */
function buildProcOperateReq(opType: number, jobTasks: TJobTask[], { forStatusSync = false } = {}) {
  return jobTasks.map((task) => ({
    meta: {
      namespace: NAMESPACE,
      name: `${processInfo.bk_process_name}_${LOCAL_INST_ID}`,
      labels: { bk_process_name: processInfo.bk_process_name, bk_process_id: processInfo.bk_process_id },
    },
    op_type: opType,
    hosts: [{ ip: task.host.bk_host_innerip, bk_cloud_id: task.host.bk_cloud_id }],
    spec: {
      identity: { index_key: "", proc_name: processInfo.bk_func_name, setup_path: processInfo.work_path, pid_path: processInfo.pid_file, user: processInfo.user },
      control: {
        start_cmd: processInfo.start_cmd,
        stop_cmd: processInfo.stop_cmd,
        restart_cmd: processInfo.restart_cmd,
        reload_cmd: processInfo.reload_cmd,
        kill_cmd: processInfo.face_stop_cmd,
      },
      alive_monitor_policy: forStatusSync
        ? // process.py get_proc_inst_status_infos: timeout unset in the catalogue → null
          { auto_type: 1, start_check_secs: processInfo.bk_start_check_secs, op_timeout: processInfo.timeout }
        : { auto_type: 1, start_check_secs: processInfo.bk_start_check_secs || 5, op_timeout: processInfo.timeout || 60 },
    },
  }));
}

/** v1.py get_gse_proc_key: "<cloud>:<ip>" as the agent id, then namespace and name. */
function gseProcKey(host: typeof HOST) {
  return `${host.bk_cloud_id}:${host.bk_host_innerip}:${NAMESPACE}:${processInfo.bk_process_name}_${LOCAL_INST_ID}`;
}

/** BulkGseOperateProcessService: _execute once, then _schedule every interval until nothing is 115. */
async function runBulkOperation(opType: number, jobTasks: TJobTask[]) {
  const taskId = (await dataApi<{ task_id: string }>(`${GSE_ROOT}operate_proc_multi/`, { proc_operate_req: buildProcOperateReq(opType, jobTasks), no_request: true })).task_id;
  const statusMap = new Map(jobTasks.map((task) => [task.id, CODE.RUNNING as number]));
  for (let poll = 0; poll < 60; poll += 1) {
    const gseApiResult = await dataApi<TEsbResponse<Record<string, TGseResult>>>(`${GSE_ROOT}get_proc_operate_result_v2/`, { task_id: taskId, no_request: true }, { raw: true });
    if (gseApiResult.code === GSE_RUNNING_TASK_CODE) continue;
    for (const task of jobTasks) {
      const result = gseApiResult.data[gseProcKey(task.host)] ?? { content: "", error_code: CODE.RUNNING, error_msg: "handling" };
      if (statusMap.get(task.id) === result.error_code) continue;
      statusMap.set(task.id, result.error_code);
      if (result.error_code === CODE.SUCCESS) task.status = "succeeded";
      else if (result.error_code !== CODE.RUNNING) {
        task.status = opType === OP.STOP && result.error_code === CODE.PROC_NO_RUNNING ? "ignored" : "failed";
        task.failedReason = `[GSE_ERROR-${result.error_code}]: (detail: ${result.error_msg})`;
      }
    }
    if (![...statusMap.values()].includes(CODE.RUNNING)) return { taskId, jobTasks };
    await sleep(300); // GSEKit polls every 2 s; the shape of the loop is what matters here
  }
  throw new Error(`task ${taskId} never finished: ${JSON.stringify([...statusMap])}`);
}

/** process.py get_proc_inst_status_infos: status of each instance, as GSEKit parses the content. */
async function syncInstanceStatus(hosts: (typeof HOST)[]) {
  const jobTasks = hosts.map((host, n) => ({ id: n, host }));
  const metaKeyToUniqKey = new Map(hosts.map((host) => [gseProcKey(host), `${host.bk_host_innerip}-${host.bk_cloud_id}-${processInfo.bk_process_name}-${LOCAL_INST_ID}`]));
  const taskId = (await dataApi<{ task_id: string }>(`${GSE_ROOT}operate_proc_multi/`, { proc_operate_req: buildProcOperateReq(OP.CHECK, jobTasks, { forStatusSync: true }), no_request: true })).task_id;
  const infos: { uniqKey: string; isAuto: boolean; status: "running" | "terminated" }[] = [];
  const recorded = new Set<string>();
  for (let poll = 0; poll < 60; poll += 1) {
    const data = (await dataApi<TEsbResponse<Record<string, TGseResult>>>(`${GSE_ROOT}get_proc_operate_result_v2/`, { task_id: taskId, no_request: true }, { raw: true })).data;
    for (const [metaKey, result] of Object.entries(data)) {
      // GSEKit indexes its own map with the key as given: a key it did not build is a KeyError
      const uniqKey = metaKeyToUniqKey.get(metaKey);
      if (!uniqKey) throw new Error(`KeyError: ${metaKey}`);
      if (recorded.has(uniqKey)) continue;
      if (result.error_code === CODE.SUCCESS) {
        const content = JSON.parse(result.content);
        const instance = content.process[0].instance[0];
        infos.push({ uniqKey, isAuto: instance.isAuto ?? false, status: (instance.pid ?? -1) > 0 ? "running" : "terminated" });
        recorded.add(uniqKey);
      } else if (result.error_code !== CODE.RUNNING) recorded.add(uniqKey);
    }
    if (recorded.size === Object.keys(data).length) return infos;
    await sleep(300);
  }
  throw new Error(`status task ${taskId} never finished`);
}

describe("GSEKit's process operations (v1 adapter)", () => {
  it("start: succeeded, and the process really runs", async () => {
    const { jobTasks } = await runBulkOperation(OP.START, [{ id: 1, host: HOST }]);
    expect(jobTasks[0]).toMatchObject({ status: "succeeded" });
    expect(isAlive(readPid(processInfo.pid_file))).toBe(true);
  });

  it("status sync reads pid > 0 and isAuto from the JSON content of every instance", async () => {
    const infos = await syncInstanceStatus([HOST]);
    expect(infos).toEqual([{ uniqKey: `${HOST.bk_host_innerip}-0-${processInfo.bk_process_name}-1`, isAuto: true, status: "running" }]);
  });

  it("sync_proc_status lists the namespace's processes with count, paged as batch_request asks", async () => {
    const first = await dataApi<{ count: number; proc_infos: { status: number; isauto: boolean; host: { ip: string; bk_cloud_id: number }; meta: { name: string } }[] }>(
      `${GSE_ROOT}sync_proc_status/`,
      { page: { start: 0, limit: 500, return_total: true }, meta: { namespace: NAMESPACE } },
    );
    const mine = first.proc_infos.find((info) => info.meta.name === `${processInfo.bk_process_name}_${LOCAL_INST_ID}` && info.host.ip === HOST.bk_host_innerip);
    expect(first.count).toBeGreaterThanOrEqual(1);
    // sync_proc_status_to_db: status 1 running (0 and 2 are both "terminated"), isauto the managed flag
    expect(mine).toMatchObject({ status: 1, isauto: true, host: { bk_cloud_id: 0 } });
  });

  it("a host with no agent ends 117 (failed with the GSE message) while the other host succeeds", async () => {
    const { jobTasks } = await runBulkOperation(OP.SET_AUTO, [
      { id: 1, host: HOST },
      { id: 2, host: NO_AGENT_HOST },
    ]);
    expect(jobTasks[0]).toMatchObject({ status: "succeeded" });
    expect(jobTasks[1]).toMatchObject({ status: "failed", failedReason: expect.stringContaining("[GSE_ERROR-117]") });
  });

  it("stop: succeeded and the process is gone; stop again is 829, which GSEKit marks ignored", async () => {
    const pid = readPid(processInfo.pid_file);
    const stopped = await runBulkOperation(OP.STOP, [{ id: 1, host: HOST }]);
    expect(stopped.jobTasks[0]).toMatchObject({ status: "succeeded" });
    expect(isAlive(pid)).toBe(false);
    const again = await runBulkOperation(OP.STOP, [{ id: 1, host: HOST }]);
    expect(again.jobTasks[0]).toMatchObject({ status: "ignored" });
  });

  it("status sync after stop reads pid -1: terminated, no longer managed", async () => {
    expect(await syncInstanceStatus([HOST])).toEqual([{ uniqKey: `${HOST.bk_host_innerip}-0-${processInfo.bk_process_name}-1`, isAuto: false, status: "terminated" }]);
  });

  it("a refused request is HTTP 200 with result:false, so DataAPI raises the ESB message, not '[400]'", async () => {
    const request = buildProcOperateReq(OP.START, [{ id: 1, host: HOST }]);
    const withoutUser = [{ ...request[0], spec: { ...request[0].spec, identity: { ...request[0].spec.identity, user: null } } }];
    const error = await dataApi(`${GSE_ROOT}operate_proc_multi/`, { proc_operate_req: withoutUser, no_request: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataApiError);
    expect((error as DataApiError).status).toBe(200);
    expect((error as DataApiError).code).toBe(1199006);
    expect((error as DataApiError).message).toContain("proc_operate_req.0.spec.identity.user");
  });
});
