// bk-monitor v3 (public copy holdbiao/bk-monitor) deploying its uptime-check collector through JOB:
// packages/monitor_web/commons/job/resources.py GseProcessManageResource sends job/operate_process with
// process_infos (ip_list, account, proc_name, setup_path, pid_path, contact "monitor", commands, type,
// cpu_lmt / mem_lmt), then GetGseTaskLogResource polls job/get_proc_result every 0.5 s until
// data.status is no longer 115, splits each key "<path>:<cloud>:<ip>" from the right, reads
// errcode or error_code, and json.dumps the content (legacy-bk-paas apisv2/job/get_proc_result.py has
// already decoded it into an object).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAlive, readPid, startAgent, type TAgent } from "../support/agent-harness";
import { dataApi, gsekitProcessInfo, placeHost, sleep } from "../support/blueking-clients";

const BIZ_ID = 2;
const IP = "127.0.0.65";
const GSE_TASK_SUCCESS = 0;
const GSE_TASK_RUNNING = 115;
const collector = gsekitProcessInfo("uptimecheckbeat");

type TJobResult = { status: number; result: Record<string, { error_code?: number; errcode?: number; error_msg?: string; errmsg?: string; content: unknown }> };
type TLogResult = { success: { ip: string; plat_id: number; log_content: string }[]; pending: { ip: string }[]; failed: { ip: string; errmsg: string; exit_code: number }[] };

let agent: TAgent;

beforeAll(async () => {
  agent = await startAgent(IP);
  // JOB refuses hosts outside bk_biz_id: the collector host sits in the demo business
  await placeHost(IP, BIZ_ID, "cache");
});

afterAll(async () => {
  await agent?.stop();
  const pid = readPid(collector.pid_file);
  if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
});

/** GseProcessManageResource.perform_request → GetGseTaskLogResource. */
async function manageProcess(opType: number): Promise<TLogResult> {
  const processInfo = {
    ip_list: [{ ip: IP, bk_cloud_id: 0 }],
    account: collector.user,
    proc_name: collector.bk_func_name,
    setup_path: collector.work_path,
    pid_path: collector.pid_file,
    contact: "monitor",
    start_cmd: collector.start_cmd,
    stop_cmd: collector.stop_cmd,
    restart_cmd: "",
    reload_cmd: collector.reload_cmd,
    kill_cmd: collector.face_stop_cmd,
    type: 1,
    cpu_lmt: 10,
    mem_lmt: 10,
    start_check_begin_time: 1,
  };
  const { bk_gse_taskid: taskId } = await dataApi<{ bk_gse_taskid: string }>("/api/c/compapi/v2/job/operate_process/", { bk_biz_id: BIZ_ID, op_type: opType, process_infos: [processInfo] }, { username: "bk-monitor" });
  let logResult: TLogResult = { success: [], pending: [], failed: [] };
  for (let retry = 0; retry < 120; retry += 1) {
    const data = await dataApi<TJobResult>("/api/c/compapi/v2/job/get_proc_result/", { bk_biz_id: BIZ_ID, bk_gse_taskid: taskId }, { username: "bk-monitor" });
    if (data && data.status !== GSE_TASK_RUNNING) {
      logResult = fetchJobTaskResult(data);
      if (!logResult.pending.length) break;
    }
    await sleep(500);
  }
  return logResult;
}

/** GetGseTaskLogResource.fetch_job_task_result. */
function fetchJobTaskResult(data: TJobResult): TLogResult {
  const result: TLogResult = { success: [], pending: [], failed: [] };
  for (const [key, ret] of Object.entries(data.result)) {
    const keys = key.split(":");
    const ip = keys[keys.length - 1];
    const platId = Number.parseInt(keys[keys.length - 2], 10);
    const errorCode = ret.errcode ?? ret.error_code ?? 1;
    if (errorCode === GSE_TASK_SUCCESS) result.success.push({ ip, plat_id: platId, log_content: JSON.stringify(ret.content) });
    else if (errorCode === GSE_TASK_RUNNING) result.pending.push({ ip });
    else result.failed.push({ ip, errmsg: ret.errmsg || ret.error_msg || "", exit_code: errorCode });
  }
  return result;
}

describe("bk-monitor's collector deployment through JOB operate_process / get_proc_result", () => {
  it("start: the host is in success, the collector runs", async () => {
    const result = await manageProcess(0);
    expect(result).toMatchObject({ success: [{ ip: IP, plat_id: 0 }], pending: [], failed: [] });
    expect(isAlive(readPid(collector.pid_file))).toBe(true);
  });

  it("status: content arrives decoded, so its log_content is the status object itself", async () => {
    const result = await manageProcess(2);
    expect(result.success).toHaveLength(1);
    const content = JSON.parse(result.success[0].log_content);
    expect(content.process[0].instance[0]).toMatchObject({ pid: readPid(collector.pid_file), isAuto: true });
  });

  it("stop: success, the collector is gone; stop again lands in failed with GSE's 829", async () => {
    const pid = readPid(collector.pid_file);
    expect((await manageProcess(1)).success).toHaveLength(1);
    expect(isAlive(pid)).toBe(false);
    expect((await manageProcess(1)).failed).toEqual([{ ip: IP, errmsg: expect.any(String), exit_code: 829 }]);
  });
});
