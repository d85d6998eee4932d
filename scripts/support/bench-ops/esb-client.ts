// The GSE calls a client (GSEKit, a script) makes: operate_proc, then get_proc_operate_result until
// no row is 115. App credentials go in the body, as ESB clients send them.
import { RESULT_CODE } from "@/lib/protocol/result-codes";
import type { TBenchHost } from "./insert-bench-hosts";
import type { TBenchCredentials } from "./start-bench-server";

export type TRowResult = { error_code: number; error_msg: string; content: string };
export type TEsbClient = {
  operate: (input: { hosts: TBenchHost[]; opType: number; meta: { namespace: string; name: string }; spec: object }) => Promise<string>;
  readResult: (taskId: string) => Promise<Record<string, TRowResult>>;
  /**
   * Polls every intervalMs until no row is 115, as a client would: a poll that fails or times out
   * (an overloaded server) is counted in `failedPolls` and retried until timeoutMs.
   */
  waitForTask: (
    taskId: string,
    options: { intervalMs: number; timeoutMs: number; onPoll?: (done: number, total: number) => void },
  ) => Promise<{ rows: Record<string, TRowResult>; polls: number; failedPolls: number; lastFailure: string }>;
};

export const RUNNING = RESULT_CODE.RUNNING;
/** operate_proc's limit on hosts per request */
const MAX_HOSTS_PER_OPERATION = 5000;

export function createEsbClient(baseUrl: string, credentials: TBenchCredentials): TEsbClient {
  const call = async (pathname: string, body: object): Promise<unknown> => {
    const response = await fetch(`${baseUrl}/api/c/compapi/v2/gse/${pathname}/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ bk_app_code: credentials.appCode, bk_app_secret: credentials.appSecret, bk_username: "bench", ...body }),
      signal: AbortSignal.timeout(60_000),
    });
    const reply = (await response.json()) as { result: boolean; code: number; message: string; data: unknown };
    if (!reply.result) throw new Error(`${pathname}: ${reply.code} ${reply.message}`);
    return reply.data;
  };

  const readResult = async (taskId: string) => (await call("get_proc_operate_result", { task_id: taskId })) as Record<string, TRowResult>;

  return {
    operate: async ({ hosts, opType, meta, spec }) => {
      const toTargets = (chunk: TBenchHost[]) => chunk.map((h) => ({ ip: h.ip, bk_cloud_id: h.cloudId }));
      if (hosts.length <= MAX_HOSTS_PER_OPERATION) return ((await call("operate_proc", { meta, op_type: opType, spec, hosts: toTargets(hosts) })) as { task_id: string }).task_id;
      // more hosts than one operate_proc takes: one operate_proc_multi, one task, as GSEKit sends it
      const requests = [];
      for (let start = 0; start < hosts.length; start += MAX_HOSTS_PER_OPERATION) requests.push({ meta, op_type: opType, spec, hosts: toTargets(hosts.slice(start, start + MAX_HOSTS_PER_OPERATION)) });
      return ((await call("operate_proc_multi", { proc_operate_req: requests })) as { task_id: string }).task_id;
    },
    readResult,
    waitForTask: async (taskId, { intervalMs, timeoutMs, onPoll }) => {
      const deadline = Date.now() + timeoutMs;
      let failedPolls = 0;
      let lastFailure = "";
      let running = "every";
      for (let polls = 1; ; polls++) {
        try {
          const rows = await readResult(taskId);
          const values = Object.values(rows);
          const done = values.filter((row) => row.error_code !== RUNNING).length;
          onPoll?.(done, values.length);
          if (done === values.length) return { rows, polls, failedPolls, lastFailure };
          running = `${values.length - done} of ${values.length}`;
        } catch (error) {
          failedPolls += 1;
          lastFailure = error instanceof Error ? error.message : String(error);
        }
        if (Date.now() > deadline) throw new Error(`task ${taskId}: ${running} rows still running after ${timeoutMs / 1000} s (${failedPolls} failed polls${lastFailure ? `, last: ${lastFailure}` : ""})`);
        await new Promise((resolve) => setTimeout(resolve, intervalMs));
      }
    },
  };
}
