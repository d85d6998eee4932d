// Set-up shared by the access tests: a business of its own with one module and one host, ESB calls
// as a chosen app, and counts for "nothing changed" checks.
import { BASE_URL, createBusiness, createSet, sql, uniqueName } from "../support/cmdb-client";
import { appAuthHeaders, type TAppCredentials } from "../support/principals";

export type TBizWithHost = { bizId: number; setName: string; moduleName: string; moduleId: number; hostId: number; hostIp: string };

/** A fresh business with set → module → one host on a fresh 10.x address (cloud 0). */
export async function createBusinessWithHost(prefix = "acc"): Promise<TBizWithHost> {
  const bizId = await createBusiness(prefix);
  const setName = uniqueName(`${prefix}-set`);
  const moduleName = uniqueName(`${prefix}-mod`);
  await createSet(bizId, setName, [{ name: moduleName }]);
  const [module] = await sql<{ bk_module_id: number }>(`SELECT bk_module_id FROM module WHERE bk_biz_id = $1 AND bk_module_name = $2`, [bizId, moduleName]);
  const host = await insertHost(prefix);
  await sql(`INSERT INTO host_module (bk_host_id, bk_module_id) VALUES ($1, $2)`, [host.hostId, module.bk_module_id]);
  return { bizId, setName, moduleName, moduleId: module.bk_module_id, ...host };
}

/** A host the topology knows (cloud 0) on a fresh 10.x address, in no module yet. */
export async function insertHost(prefix = "acc"): Promise<{ hostId: number; hostIp: string }> {
  for (;;) {
    const hostIp = freshIp();
    const rows = await sql<{ bk_host_id: number }>(
      `INSERT INTO host (bk_host_innerip, bk_cloud_id, bk_host_name) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING RETURNING bk_host_id`,
      [hostIp, uniqueName(prefix)],
    );
    if (rows.length) return { hostId: rows[0].bk_host_id, hostIp };
  }
}

/** An address no host has (yet): the topology does not know it. */
export function freshIp(): string {
  const octet = () => Math.floor(Math.random() * 254) + 1;
  return `10.${octet()}.${octet()}.${octet()}`;
}

export type TEsbReply<T = unknown> = { status: number; body: { result: boolean; code: number; message: string; data: T; request_id: string } };

/** An ESB call (POST with a JSON body, or GET with the body as query) with this app's credentials. */
export async function esbAs<T = unknown>(app: TAppCredentials, pathname: string, body: Record<string, unknown>, method: "POST" | "GET" = "POST"): Promise<TEsbReply<T>> {
  const query = method === "GET" ? `?${new URLSearchParams(Object.entries(body).map(([key, value]) => [key, String(value)]))}` : "";
  const response = await fetch(`${BASE_URL}/api/c/compapi/v2/${pathname}${query}`, {
    method,
    headers: { "content-type": "application/json", HTTP_BLUEKING_LANGUAGE: "en", ...appAuthHeaders(app, "access-tester") },
    body: method === "POST" ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: await response.json() };
}

/** Tasks, task rows and audit entries in the database: a refused request leaves all three as they were. */
export async function operationCounts(): Promise<{ tasks: number; rows: number; audits: number }> {
  const [row] = await sql<{ tasks: number; rows: number; audits: number }>(
    `SELECT (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM task_row) AS rows, (SELECT count(*)::int FROM audit_entry) AS audits`,
  );
  return row;
}
