// Two server instances on one PostgreSQL, as behind a load balancer: the test server (A) and a second
// instance of the same build (B, support/server-instance.ts). Real agents talk to either. One
// operation spans both sets of agents; a change made on one instance (an app's role taken away, a
// business deleted, an agent revoked) holds on the other at once, because caches are told through
// NOTIFY (lib/core/change-feed.ts), not expired by a TTL; and killing an instance in the middle of an
// operation loses no row: its agents move to the other instance and the task ends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daemonSpec, isAlive, readPid, startAgent, waitFor, type TAgent } from "../support/agent-harness";
import { appAuthHeaders, createApp, signedInUser, type TConsoleClient } from "../support/principals";
import { startServerInstance, type TServerInstance } from "../support/server-instance";
import { BASE_URL, createBusiness, sql, uniqueName } from "../support/cmdb-client";
import { dataOf } from "../support/topology";

const APP = { code: process.env.PROCDECK_TEST_APP_CODE ?? "", secret: process.env.PROCDECK_TEST_APP_SECRET ?? "" };
const NAMESPACE = "scale-out";
/** well past the first answer's round trip, far below the 10 s the caches used to keep a copy */
const AT_ONCE_MS = 1000;

let second: TServerInstance;
let admin: TConsoleClient;
const agents: TAgent[] = [];
const daemons: ReturnType<typeof daemonSpec>[] = [];

type TEsbBody = { result: boolean; code: number; message: string; data: Record<string, unknown> };

async function esbOn(baseUrl: string, pathname: string, body: Record<string, unknown>): Promise<TEsbBody> {
  const response = await fetch(`${baseUrl}/api/c/compapi/v2/gse/${pathname}/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ bk_app_code: APP.code, bk_app_secret: APP.secret, bk_username: "scale-out", ...body }),
  });
  return (await response.json()) as TEsbBody;
}

async function searchOn(baseUrl: string, bizId: number, headers: Record<string, string>): Promise<{ status: number; code: number }> {
  const response = await fetch(`${baseUrl}/api/v3/proc/search/0/${bizId}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: "{}" });
  const body = (await response.json()) as { bk_error_code: number };
  return { status: response.status, code: body.bk_error_code };
}

/** Starts `daemon` on every host through `baseUrl` and waits until no row runs; the rows by key. */
async function operate(baseUrl: string, hosts: string[], name: string, daemon: ReturnType<typeof daemonSpec>, opType = 0) {
  const reply = await esbOn(baseUrl, "operate_proc", { meta: { namespace: NAMESPACE, name }, hosts: hosts.map((ip) => ({ ip, bk_cloud_id: 0 })), op_type: opType, spec: daemon.spec });
  expect(reply).toMatchObject({ result: true, code: 0 });
  return reply.data.task_id as string;
}

async function resultsOf(taskId: string): Promise<Record<string, { error_code: number; error_msg: string }>> {
  return (await esbOn(BASE_URL, "get_proc_operate_result", { task_id: taskId })).data as Record<string, { error_code: number; error_msg: string }>;
}

async function waitForTask(taskId: string, timeoutMs: number) {
  let last: Record<string, { error_code: number; error_msg: string }> = {};
  await waitFor(
    async () => {
      last = await resultsOf(taskId);
      return Object.keys(last).length > 0 && Object.values(last).every((row) => row.error_code !== 115);
    },
    timeoutMs,
    () => `task ${taskId} still running: ${JSON.stringify(last)}`,
  );
  return last;
}

/** How long until `check` holds, polling every 20 ms; throws past `limitMs`. */
async function msUntil(check: () => Promise<boolean>, limitMs: number, what: string): Promise<number> {
  const startedAt = Date.now();
  while (!(await check())) {
    if (Date.now() - startedAt > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - startedAt;
}

beforeAll(async () => {
  second = await startServerInstance();
  admin = await signedInUser({ isGlobalAdmin: true, prefix: "scale-admin" });
}, 120_000);

afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.stop().catch(() => {})));
  for (const daemon of daemons) {
    const pid = readPid(daemon.pidPath);
    if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  await second?.kill();
});

describe("two server instances on one PostgreSQL", () => {
  it("runs one operation across agents connected to either instance", async () => {
    const onFirst = await startAgent("127.0.0.181", undefined, { servers: [BASE_URL] });
    const onSecond = await startAgent("127.0.0.182", undefined, { servers: [second.url] });
    agents.push(onFirst, onSecond);
    const daemon = daemonSpec();
    daemons.push(daemon);
    const name = uniqueName("spread");

    // asked through B; each agent's poll is held by its own instance and woken through NOTIFY
    const taskId = await operate(second.url, [onFirst.ip, onSecond.ip], name, daemon, 2);
    const rows = await waitForTask(taskId, 20_000);
    expect(Object.keys(rows).sort()).toEqual([`0:${onFirst.ip}:${NAMESPACE}:${name}`, `0:${onSecond.ip}:${NAMESPACE}:${name}`]);
    // status of a process that is not running: both agents answered (not 117 or a timeout)
    for (const row of Object.values(rows)) expect(row.error_code, row.error_msg).not.toBe(117);
    for (const row of Object.values(rows)) expect(row.error_code, row.error_msg).not.toBe(65535);
  });

  it("refuses an app on the other instance as soon as its role is taken away", async () => {
    const bizId = await createBusiness("scale-role");
    const app = await createApp([{ bizId, role: "viewer" }]);
    // B has verified the secret and remembered the app's roles
    expect(await searchOn(second.url, bizId, appAuthHeaders(app))).toMatchObject({ status: 200, code: 0 });
    expect(await searchOn(second.url, bizId, appAuthHeaders(app))).toMatchObject({ status: 200, code: 0 });

    dataOf(await admin.call("DELETE", `/api/console/admin/apps/${app.appId}/roles/${bizId}`));
    const ms = await msUntil(async () => (await searchOn(second.url, bizId, appAuthHeaders(app))).status === 403, AT_ONCE_MS, "instance B still let the app search");
    console.log(`[scale-out] role revoked on A, refused on B after ${ms} ms`);
  });

  it("answers 'business does not exist' on the other instance as soon as it is deleted", async () => {
    const name = uniqueName("scale-biz");
    const created = dataOf<{ bizId: number }>(await admin.call("POST", "/api/console/admin/businesses", { body: { name } }));
    const headers = { "X-Bkapi-Authorization": JSON.stringify({ bk_app_code: APP.code, bk_app_secret: APP.secret, bk_username: "scale-out" }) };
    expect(await searchOn(second.url, created.bizId, headers)).toMatchObject({ status: 200, code: 0 });

    dataOf(await admin.call("DELETE", `/api/console/admin/businesses/${created.bizId}`));
    const ms = await msUntil(async () => (await searchOn(second.url, created.bizId, headers)).code === 1199019, AT_ONCE_MS, "instance B still answered for the deleted business");
    console.log(`[scale-out] business deleted on A, unknown on B after ${ms} ms`);
  });

  it("stops an agent held by the other instance as soon as it is revoked", async () => {
    const agent = await startAgent("127.0.0.183", undefined, { servers: [second.url] });
    agents.push(agent);
    const [{ bk_host_id: hostId }] = await sql<{ bk_host_id: number }>(`SELECT bk_host_id FROM host WHERE bk_cloud_id = 0 AND bk_host_innerip = $1`, [agent.ip]);

    const startedAt = Date.now();
    dataOf(await admin.call("POST", `/api/console/hosts/${hostId}/revoke-agent`));
    // its long-poll on B is woken, and B refuses the next one: the agent stops (exit code 3)
    const code = await Promise.race([agent.exited, new Promise<string>((resolve) => setTimeout(() => resolve("still running"), 5000))]);
    expect(code, agent.output()).toBe(3);
    expect(agent.output()).toContain("refused this agent");
    console.log(`[scale-out] agent revoked on A, stopped by B after ${Date.now() - startedAt} ms`);
  });

  it("loses no row when an instance is killed mid-operation: its agents move to the other and the task ends", async () => {
    const agent = await startAgent("127.0.0.184", undefined, { servers: [second.url, BASE_URL] });
    agents.push(agent);
    // the start is confirmed only after 3 s alive: the row is in the agent's hands when B dies
    const daemon = daemonSpec({ startCheckSecs: 3 });
    daemons.push(daemon);
    const name = uniqueName("failover");
    const taskId = await operate(BASE_URL, [agent.ip], name, daemon);
    await waitFor(async () => (await sql(`SELECT 1 FROM task_row WHERE task_id = $1 AND claimed_at IS NOT NULL`, [taskId])).length > 0, 10_000, () => `row never claimed:\n${agent.output()}`);

    await second.kill("SIGKILL");
    const rows = await waitForTask(taskId, 30_000);
    const row = rows[`0:${agent.ip}:${NAMESPACE}:${name}`];
    expect(row?.error_code, `${row?.error_msg}\n${agent.output()}`).toBe(0);
    expect(isAlive(readPid(daemon.pidPath))).toBe(true);
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM task_row WHERE task_id = $1`, [taskId]);
    expect(n).toBe(1);
    // and it keeps working through A
    const statusTask = await operate(BASE_URL, [agent.ip], name, daemon, 2);
    expect(Object.values(await waitForTask(statusTask, 15_000))[0]?.error_code).toBe(0);
  });
});
