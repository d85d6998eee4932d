// bk-nodeman (TencentBlueKing/bk-nodeman) driving Procdeck as its GSE:
// - the plugin pipeline, apps/backend/components/collections/plugin.py GseOperateProcService: one
//   operate_proc_multi item per process status with its own `nodeman_spec` key, hosts
//   {ip, bk_agent_id, bk_cloud_id} (apps/adapters/api/gse/v1.py keeps ip and bk_cloud_id), `spec.resource`,
//   then _schedule: get_proc_operate_result_v2 raw, code 1000115 → poll again, a missing key fails the
//   instance, handle_error_code (start + 828 and stop + 829 count as success);
// - the process state query of apps/adapters/api/gse/v1.py _list_proc_state (get_proc_status_v2 with
//   meta.labels.proc_name, keyed back by "<cloud>:<ip>" from proc_info.host);
// - the legacy client apps/backend/api/gse.py GseClient: register_process through update_proc_info with
//   a v1 spec (monitor_policy, resource, hosts with bk_supplier_id), operate_proc without a spec,
//   get_proc_operate_result polled with keys split as "<cloud>:<supplier>:<ip>", unregister_proc_info.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "../support/cmdb-client";
import { isAlive, readPid, startAgent, type TAgent } from "../support/agent-harness";
import { dataApi, gsekitProcessInfo, sleep, type TEsbResponse } from "../support/blueking-clients";

const GSE = "/api/c/compapi/v2/gse/";
const NAMESPACE = "nodeman";
const GSE_RUNNING_TASK_CODE = 1000115;
const IP = "127.0.0.63";
const LEGACY_IP = "127.0.0.64";
const NO_AGENT_IP = "127.0.0.164";
const PLUGIN_STATUS_DICT: Record<number, string> = { 0: "UNREGISTER", 1: "RUNNING", 2: "TERMINATED" };

type TGseResult = { error_code: number; error_msg: string; content: string };

const plugin = gsekitProcessInfo(`bkmonitorbeat-${Date.now()}`);
const legacy = gsekitProcessInfo(`basereport-${Date.now()}`);
const agents: TAgent[] = [];

beforeAll(async () => {
  agents.push(await startAgent(IP), await startAgent(LEGACY_IP));
});

afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.stop()));
  for (const info of [plugin, legacy]) {
    const pid = readPid(info.pid_file);
    if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
  }
});

/** plugin.py GseOperateProcService._execute for one host, after the v1 adapter's preprocessing. */
function pluginOperateReq(opType: number, ip: string) {
  return {
    meta: { namespace: NAMESPACE, name: plugin.bk_process_name },
    op_type: opType,
    nodeman_spec: { process_status_id: 11, subscription_instance_id: 12 },
    hosts: [{ ip, bk_cloud_id: 0 }],
    spec: {
      identity: { index_key: "", proc_name: plugin.bk_func_name, setup_path: plugin.work_path, pid_path: plugin.pid_file, user: plugin.user },
      control: { start_cmd: plugin.start_cmd, stop_cmd: plugin.stop_cmd, restart_cmd: "", reload_cmd: plugin.reload_cmd, kill_cmd: plugin.face_stop_cmd, version_cmd: "", health_cmd: "" },
      resource: { cpu: 10, mem: 10 },
      alive_monitor_policy: { auto_type: 1, start_check_secs: 1 },
    },
  };
}

/** _schedule + handle_error_code: per instance "success" | "failed: <msg>" once nothing is 115. */
async function runPluginStep(opType: number, ips: string[]) {
  const { task_id: taskId } = await dataApi<{ task_id: string }>(`${GSE}operate_proc_multi/`, { proc_operate_req: ips.map((ip) => pluginOperateReq(opType, ip)), no_request: true });
  for (let poll = 0; poll < 60; poll += 1) {
    const result = await dataApi<TEsbResponse<Record<string, TGseResult>>>(`${GSE}get_proc_operate_result_v2/`, { task_id: taskId, no_request: true }, { raw: true });
    if (result.code === GSE_RUNNING_TASK_CODE) continue;
    let isFinished = true;
    const outcome = ips.map((ip) => {
      const row = result.data[`0:${ip}:${NAMESPACE}:${plugin.bk_process_name}`];
      if (!row) return "failed: GSE任务查无结果";
      const isSpecialSuccess = (opType === 1 && row.error_code === 829) || (opType === 0 && row.error_code === 828);
      if (row.error_code === 115) isFinished = false;
      else if (row.error_code !== 0 && !isSpecialSuccess) return `failed: ${row.error_msg}`;
      return row.error_code === 115 ? "pending" : "success";
    });
    if (isFinished) return outcome;
    await sleep(300);
  }
  throw new Error(`task ${taskId} never finished`);
}

/** v1.py _list_proc_state: state per "<cloud>:<ip>", hosts without an entry count as unregistered. */
async function listProcState(ips: string[]) {
  const { proc_infos: procInfos } = await dataApi<{ proc_infos: { host: { ip: string; bk_cloud_id: number }; status: number; isauto: boolean; version: string; meta: { name: string } }[] }>(
    `${GSE}get_proc_status_v2/`,
    { meta: { namespace: NAMESPACE, name: plugin.bk_process_name, labels: { proc_name: plugin.bk_process_name } }, hosts: ips.map((ip) => ({ ip, bk_cloud_id: 0 })), no_request: true },
  );
  const byAgentId: Record<string, { status: string; isAuto: string; name: string }> = {};
  for (const info of procInfos) byAgentId[`${info.host.bk_cloud_id}:${info.host.ip}`] = { status: PLUGIN_STATUS_DICT[info.status], isAuto: info.isauto ? "AUTO" : "UNAUTO", name: info.meta.name };
  return byAgentId;
}

describe("bk-nodeman's plugin pipeline (GseOperateProcService)", () => {
  it("start succeeds on the agent's host, fails with 117 where no agent runs", async () => {
    expect(await runPluginStep(0, [IP, NO_AGENT_IP])).toEqual(["success", expect.stringMatching(/^failed: .*not known/)]);
    expect(isAlive(readPid(plugin.pid_file))).toBe(true);
  });

  it("start again is 828, which the pipeline counts as success", async () => {
    expect(await runPluginStep(0, [IP])).toEqual(["success"]);
  });

  it("_list_proc_state reads RUNNING / AUTO back by '<cloud>:<ip>'", async () => {
    expect((await listProcState([IP]))[`0:${IP}`]).toEqual({ status: "RUNNING", isAuto: "AUTO", name: plugin.bk_process_name });
  });

  it("stop, then stop again (829 counts as success); the state reads TERMINATED / UNAUTO", async () => {
    expect(await runPluginStep(1, [IP])).toEqual(["success"]);
    expect(await runPluginStep(1, [IP])).toEqual(["success"]);
    expect((await listProcState([IP]))[`0:${IP}`]).toMatchObject({ status: "TERMINATED", isAuto: "UNAUTO" });
  });
});

/** apps/backend/api/gse.py _response_exception_filter: result false raises unless 1000115. */
function filterResponse<T>(response: TEsbResponse<T>): T {
  if (!response.result) {
    if (response.code === GSE_RUNNING_TASK_CODE) return { "0:0:127.0.0.1:nodeman:proc": { content: "", error_code: 115, error_msg: "handling" } } as T;
    throw new Error(`FalseResultError: ${response.message}`);
  }
  return response.data;
}

async function legacyCall<T>(component: string, params: Record<string, unknown>): Promise<T> {
  return filterResponse(await dataApi<TEsbResponse<T>>(`${GSE}${component}/`, params, { raw: true }));
}

/** How GseClient splits every key: bk_cloud_id, bk_supplier_id, ip = key.split(":")[:3]. */
function splitLegacyKeys(data: Record<string, TGseResult>) {
  return Object.entries(data).map(([key, value]) => {
    const [bkCloudId, bkSupplierId, ip] = key.split(":");
    return { bk_cloud_id: bkCloudId, bk_supplier_id: bkSupplierId, ip, error_code: value.error_code };
  });
}

describe("bk-nodeman's legacy GseClient (register, operate without spec, unregister)", () => {
  const hosts = [{ ip: LEGACY_IP, bk_supplier_id: 0, bk_cloud_id: 0 }];
  const meta = { labels: { proc_name: legacy.bk_process_name }, namespace: NAMESPACE, name: legacy.bk_process_name };

  it("operate_proc for a process never registered is refused, naming spec", async () => {
    await expect(legacyCall("operate_proc", { meta, hosts, op_type: 0 })).rejects.toThrow(/spec/);
  });

  it("register_process (update_proc_info with a v1 spec) answers per host under '<cloud>:<supplier>:<ip>:…'", async () => {
    const data = await legacyCall<Record<string, TGseResult>>("update_proc_info", {
      meta,
      hosts,
      spec: {
        control: { start_cmd: legacy.start_cmd, stop_cmd: legacy.stop_cmd, restart_cmd: "", reload_cmd: legacy.reload_cmd, kill_cmd: legacy.face_stop_cmd, version_cmd: "", health_cmd: "" },
        monitor_policy: { auto_type: 1, start_check_secs: 1 },
        resource: { mem: 10, cpu: 10 },
        identity: { user: legacy.user, proc_name: legacy.bk_func_name, setup_path: legacy.work_path, pid_path: legacy.pid_file },
      },
    });
    expect(splitLegacyKeys(data)).toEqual([{ bk_cloud_id: "0", bk_supplier_id: "0", ip: LEGACY_IP, error_code: 0 }]);
    const again = await legacyCall<Record<string, TGseResult>>("register_proc_info", { meta, hosts, spec: { identity: { proc_name: "x", setup_path: "/tmp", pid_path: "/tmp/x", user: "root" }, monitor_policy: { auto_type: 1 } } });
    expect(splitLegacyKeys(again)[0].error_code).toBe(850);
  });

  it("start_process (operate_proc without spec) runs the registered spec; poll_task_result splits the v1 keys", async () => {
    const { task_id: taskId } = await legacyCall<{ task_id: string }>("operate_proc", { meta, hosts, op_type: 0 });
    let rows: ReturnType<typeof splitLegacyKeys> = [];
    for (let poll = 0; poll < 60; poll += 1) {
      rows = splitLegacyKeys(await legacyCall<Record<string, TGseResult>>("get_proc_operate_result", { task_id: taskId }));
      if (!rows.some((row) => row.error_code === 115)) break;
      await sleep(300);
    }
    expect(rows).toEqual([{ bk_cloud_id: "0", bk_supplier_id: "0", ip: LEGACY_IP, error_code: 0 }]);
    expect(isAlive(readPid(legacy.pid_file))).toBe(true);
  });

  it("unregister_process forgets the spec (829 or 0 both count as success there)", async () => {
    const { task_id: stopTask } = await legacyCall<{ task_id: string }>("operate_proc", { meta, hosts, op_type: 1 });
    for (let poll = 0; poll < 60; poll += 1) {
      const rows = splitLegacyKeys(await legacyCall<Record<string, TGseResult>>("get_proc_operate_result", { task_id: stopTask }));
      if (!rows.some((row) => row.error_code === 115)) break;
      await sleep(300);
    }
    const data = await legacyCall<Record<string, TGseResult>>("unregister_proc_info", { meta, hosts });
    expect(splitLegacyKeys(data)).toEqual([{ bk_cloud_id: "0", bk_supplier_id: "0", ip: LEGACY_IP, error_code: 0 }]);
    expect(await sql(`SELECT 1 FROM registered_process WHERE ip = $1 AND name = $2`, [LEGACY_IP, legacy.bk_process_name])).toEqual([]);
    await expect(legacyCall("operate_proc", { meta, hosts, op_type: 0 })).rejects.toThrow(/register_proc_info/);
  });
});
