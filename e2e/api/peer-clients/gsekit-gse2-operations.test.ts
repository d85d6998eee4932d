// GSEKit (TencentBlueKing/bk-process-config-manager) with GSE 2.0 switched on:
// apps/adapters/api/gse/v2.py replaces hosts with agent_id_list (the host's bk_agent_id, or
// "<cloud>:<ip>" when it has none) and keys results "<agent id>:<namespace>:<name>";
// apps/api/modules/gse_v2.py sends to <BKAPP_BK_GSE_APIGATEWAY>api/v2/proc/{operate_proc_multi,
// get_proc_operate_result_v2, get_proc_status_v2, sync_proc_status}/. With the gateway root left at
// its default that is under the ESB's gse/ prefix; pointed at Procdeck's root it is /api/v2/proc/.
// The same tasks are readable through the v1 result API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAlive, readPid, startAgent, type TAgent } from "../support/agent-harness";
import { agentIdOf, dataApi, gsekitProcessInfo, sleep, type TEsbResponse } from "../support/blueking-clients";

const ROOTS = { esbPrefix: "/api/c/compapi/v2/gse/api/v2/proc/", gatewayRoot: "/api/v2/proc/" } as const;
const NAMESPACE = "GSEKIT_BIZ_2";
const IP = "127.0.0.62";
const processInfo = gsekitProcessInfo(`gse2-${Date.now()}`);
const NAME = `${processInfo.bk_process_name}_1`;

type TGseResult = { error_code: number; error_msg: string; content: string };

let agent: TAgent;
let agentId: string;

beforeAll(async () => {
  agent = await startAgent(IP);
  agentId = await agentIdOf(IP);
});

afterAll(async () => {
  await agent?.stop();
  const pid = readPid(processInfo.pid_file);
  if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
});

/** gse.py _execute, then v2.py preprocessing_proc_operate_info (hosts popped, agent_id_list set). */
function procOperateReq(opType: number, hosts: { bk_host_innerip: string; bk_cloud_id: number; bk_agent_id: string }[]) {
  return {
    meta: { namespace: NAMESPACE, name: NAME, labels: { bk_process_name: processInfo.bk_process_name, bk_process_id: 77 } },
    op_type: opType,
    agent_id_list: [...new Set(hosts.map((host) => host.bk_agent_id || `${host.bk_cloud_id}:${host.bk_host_innerip}`))],
    spec: {
      identity: { index_key: "", proc_name: processInfo.bk_func_name, setup_path: processInfo.work_path, pid_path: processInfo.pid_file, user: processInfo.user },
      control: { start_cmd: processInfo.start_cmd, stop_cmd: processInfo.stop_cmd, restart_cmd: "", reload_cmd: processInfo.reload_cmd, kill_cmd: processInfo.face_stop_cmd },
      alive_monitor_policy: { auto_type: 1, start_check_secs: 1, op_timeout: 60 },
    },
  };
}

async function operate(root: string, opType: number, hosts: Parameters<typeof procOperateReq>[1]) {
  const { task_id: taskId } = await dataApi<{ task_id: string }>(`${root}operate_proc_multi/`, { proc_operate_req: [procOperateReq(opType, hosts)], no_request: true });
  for (let poll = 0; poll < 60; poll += 1) {
    const reply = await dataApi<TEsbResponse<Record<string, TGseResult>>>(`${root}get_proc_operate_result_v2/`, { task_id: taskId, no_request: true }, { raw: true });
    const keys = hosts.map((host) => `${host.bk_agent_id || `${host.bk_cloud_id}:${host.bk_host_innerip}`}:${NAMESPACE}:${NAME}`);
    const results = keys.map((key) => reply.data[key] ?? { error_code: 115, error_msg: "handling", content: "" });
    if (results.every((result) => result.error_code !== 115)) return { taskId, results };
    await sleep(300);
  }
  throw new Error(`task ${taskId} never finished`);
}

describe("GSEKit's process operations through the GSE 2.0 API (agent ids)", () => {
  it("every host has a stable agent id, shown to the topology", async () => {
    expect(agentId).toMatch(/^[0-9a-f]{32}$/);
    expect(await agentIdOf(IP)).toBe(agentId);
  });

  it("start by agent id, results keyed '<agent id>:<ns>:<name>', at the ESB-prefixed root", async () => {
    const { results } = await operate(ROOTS.esbPrefix, 0, [{ bk_host_innerip: IP, bk_cloud_id: 0, bk_agent_id: agentId }]);
    expect(results[0].error_code).toBe(0);
    expect(isAlive(readPid(processInfo.pid_file))).toBe(true);
  });

  it("status at the gateway root: content as GSEKit parses it; the same task through the v1 result API", async () => {
    const { taskId, results } = await operate(ROOTS.gatewayRoot, 2, [{ bk_host_innerip: IP, bk_cloud_id: 0, bk_agent_id: agentId }]);
    const instance = JSON.parse(results[0].content).process[0].instance[0];
    expect(instance).toMatchObject({ pid: readPid(processInfo.pid_file), isAuto: true });
    const v1 = await dataApi<Record<string, TGseResult>>("/api/c/compapi/v2/gse/get_proc_operate_result_v2/", { task_id: taskId });
    expect(v1[`0:${IP}:${NAMESPACE}:${NAME}`]).toMatchObject({ error_code: 0 });
  });

  it("a host without bk_agent_id is named '<cloud>:<ip>' and keyed that way; an unknown agent id ends 117", async () => {
    const { results } = await operate(ROOTS.esbPrefix, 2, [
      { bk_host_innerip: IP, bk_cloud_id: 0, bk_agent_id: "" },
      { bk_host_innerip: "", bk_cloud_id: 0, bk_agent_id: "ffffffffffffffffffffffffffffffff" },
    ]);
    expect(results[0].error_code).toBe(0);
    expect(results[1]).toMatchObject({ error_code: 117, error_msg: expect.stringContaining("ffffffffffffffffffffffffffffffff") });
  });

  it("get_proc_status_v2 answers per agent id with bk_agent_id and host, as bk-nodeman's v2 adapter reads it", async () => {
    const status = await dataApi<{ proc_infos: { bk_agent_id: string; host: { ip: string; bk_cloud_id: number }; status: number; isauto: boolean; meta: { name: string } }[] }>(
      `${ROOTS.esbPrefix}get_proc_status_v2/`,
      { meta: { namespace: NAMESPACE, name: NAME, labels: { proc_name: NAME } }, agent_id_list: [agentId], no_request: true },
    );
    expect(status.proc_infos).toEqual([expect.objectContaining({ bk_agent_id: agentId, host: { ip: IP, bk_cloud_id: 0 }, status: 1, isauto: true, meta: expect.objectContaining({ name: NAME }) })]);
  });

  it("sync_proc_status at the gateway root carries bk_agent_id; stop by agent id ends it", async () => {
    const synced = await dataApi<{ count: number; proc_infos: { bk_agent_id: string; meta: { name: string } }[] }>(`${ROOTS.gatewayRoot}sync_proc_status/`, {
      page: { start: 0, limit: 500, return_total: true },
      meta: { namespace: NAMESPACE },
      agent_id_list: [agentId],
    });
    expect(synced.proc_infos.filter((info) => info.meta.name === NAME)).toEqual([expect.objectContaining({ bk_agent_id: agentId })]);
    const pid = readPid(processInfo.pid_file);
    const { results } = await operate(ROOTS.gatewayRoot, 1, [{ bk_host_innerip: IP, bk_cloud_id: 0, bk_agent_id: agentId }]);
    expect(results[0].error_code).toBe(0);
    expect(isAlive(pid)).toBe(false);
  });
});
