// How the real BlueKing clients talk to an ESB / API gateway, for the peer-client tests: their HTTP
// layer, not ours. Each mimics one client's request building and its first reading of the reply.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BASE_URL, sql } from "./cmdb-client";

const APP = { code: need("PROCDECK_TEST_APP_CODE"), secret: need("PROCDECK_TEST_APP_SECRET") };
const DAEMON = path.resolve("e2e/fixtures/pidfile-daemon.sh");

export type TEsbResponse<T = unknown> = { result: boolean; code: number; message: string; data: T; request_id: string };

/**
 * GSEKit's and bk-nodeman's DataAPI (`apps/api/base.py` in both): credentials in the body and in
 * X-Bkapi-Authorization (plus X-Bkapi-App-Code and friends), POST JSON, and any HTTP status but 200 is
 * raised as an error before the body is read. `raw` returns the whole envelope (their `raw=True`);
 * otherwise result:false is raised with its message and `data` is returned.
 */
export async function dataApi<T = unknown>(url: string, params: Record<string, unknown>, { raw = false, username = "gsekit-admin" } = {}): Promise<T> {
  const body = { bk_app_code: APP.code, bk_app_secret: APP.secret, bk_username: username, ...params };
  const response = await fetch(`${BASE_URL}${url}`, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      "X-Bkapi-App-Code": APP.code,
      "X-Bkapi-App-Secret": APP.secret,
      "X-Bkapi-User-Name": username,
      "X-Bkapi-Authorization": JSON.stringify({ bk_app_code: APP.code, bk_app_secret: APP.secret, bk_username: username }),
      "blueking-language": "en",
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== 200) throw new DataApiError(`[${response.status}]${text}`, response.status);
  const envelope = JSON.parse(text) as TEsbResponse<T>;
  if (raw) return envelope as T;
  if (!envelope.result) throw new DataApiError(envelope.message, response.status, envelope.code);
  return envelope.data;
}

export class DataApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: number,
  ) {
    super(message);
  }
}

/** A catalogue process as GSEKit holds it (CMDB attributes), its files in a fresh folder. */
export function gsekitProcessInfo(name: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "procdeck-peer-"));
  const pidFile = path.join(dir, "daemon.pid");
  const logFile = path.join(dir, "daemon.log");
  return {
    bk_process_name: name,
    bk_func_name: "pidfile-daemon",
    work_path: dir,
    pid_file: pidFile,
    user: os.userInfo().username,
    start_cmd: `sh ${DAEMON} ${pidFile} ${logFile} >/dev/null 2>&1 &`,
    stop_cmd: `kill $(cat ${pidFile})`,
    restart_cmd: "",
    reload_cmd: `kill -HUP $(cat ${pidFile})`,
    face_stop_cmd: `kill -9 $(cat ${pidFile}); rm -f ${pidFile}`,
    bk_start_check_secs: 1,
    timeout: null as number | null,
  };
}

export async function agentIdOf(ip: string): Promise<string> {
  const rows = await sql<{ bk_agent_id: string }>(`SELECT bk_agent_id FROM host WHERE bk_cloud_id = 0 AND bk_host_innerip = $1`, [ip]);
  if (!rows[0]) throw new Error(`no host ${ip}`);
  return rows[0].bk_agent_id;
}

/** Puts an enrolled host into a module of the business (as an admin would in the topology). */
export async function placeHost(ip: string, bizId: number, moduleName: string): Promise<void> {
  await sql(
    `INSERT INTO host_module (bk_host_id, bk_module_id)
     SELECT h.bk_host_id, m.bk_module_id FROM host h, module m
     WHERE h.bk_cloud_id = 0 AND h.bk_host_innerip = $1 AND m.bk_biz_id = $2 AND m.bk_module_name = $3
     ORDER BY m.bk_module_id LIMIT 1
     ON CONFLICT DO NOTHING`,
    [ip, bizId, moduleName],
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the API tests through \`npm test\``);
  return value;
}
