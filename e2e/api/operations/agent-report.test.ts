// What an agent's poll and report store: results only for its own running rows, output the database
// could not hold made storable instead of refused, the managed list (its "last change" moves only
// when something changed), and the task closed once its last row is in.
import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, sql } from "../support/cmdb-client";
import { esb, waitFor } from "../support/agent-harness";
import { freshIp } from "../access/access-support";

type TAgentReply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
type TWork = { rowId: string; opType: number; name: string };

const ENROLL_SECRET = process.env.PROCDECK_TEST_ENROLL_SECRET ?? "";
const SPEC = {
  identity: { proc_name: "report-test", setup_path: "/tmp/report-test", pid_path: "/tmp/report-test/p.pid", user: "root" },
  control: { start_cmd: "true", stop_cmd: "true" },
  alive_monitor_policy: { auto_type: 1, op_timeout: 60 },
};

async function agentCall<T>(path: string, token: string | null, body: unknown): Promise<{ status: number; body: TAgentReply<T> }> {
  const response = await fetch(`${BASE_URL}/api/agent/v1/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as TAgentReply<T> };
}

async function enrol(): Promise<{ ip: string; token: string; hostId: number }> {
  const ip = freshIp();
  const reply = await agentCall<{ agent_token: string; host_id: number }>("enroll", null, { enrollment_token: ENROLL_SECRET, bk_cloud_id: 0, ip, hostname: "report-test", version: "test" });
  if (!reply.body.ok) throw new Error(`enrolment failed: ${reply.body.error.message}`);
  return { ip, token: reply.body.data.agent_token, hostId: reply.body.data.host_id };
}

async function operate(ip: string, name: string): Promise<string> {
  const reply = await esb("gse/operate_proc/", { meta: { namespace: "report-test", name }, hosts: [{ ip, bk_cloud_id: 0 }], op_type: 2, spec: SPEC });
  expect(reply.body.result, JSON.stringify(reply.body)).toBe(true);
  return (reply.body.data as { task_id: string }).task_id;
}

async function claim(token: string, managed: unknown[] = []): Promise<TWork[]> {
  const reply = await agentCall<{ work: TWork[] }>("poll", token, { version: "test", waitMs: 0, managed });
  if (!reply.body.ok) throw new Error(`poll failed: ${reply.body.error.message}`);
  return reply.body.data.work;
}

function result(rowId: string, outputTail = "") {
  const now = new Date().toISOString();
  return { rowId, code: 0, message: "done", content: "", exitCode: 0, outputTail, pid: null, startedAt: now, finishedAt: now };
}

let agent: { ip: string; token: string; hostId: number };
let other: { ip: string; token: string; hostId: number };

beforeAll(async () => {
  [agent, other] = [await enrol(), await enrol()];
});

describe("agent report", () => {
  it("stores output with NUL and a character cut in half instead of refusing it, and closes the task", async () => {
    const taskId = await operate(agent.ip, `storable-${Date.now()}`);
    const [work] = await claim(agent.token);
    expect(work).toBeDefined();
    const reply = await agentCall<{ accepted: number }>("report", agent.token, { results: [result(work.rowId, "\uDE42out\u0000put 🙂")], events: [], managed: [] });
    expect(reply, JSON.stringify(reply.body)).toMatchObject({ status: 200, body: { ok: true, data: { accepted: 1 } } });
    const [row] = await sql<{ code: number; output_tail: string }>(`SELECT code, output_tail FROM task_row WHERE id = $1`, [work.rowId]);
    expect(row).toEqual({ code: 0, output_tail: "\uFFFDoutput 🙂" });
    await waitFor(async () => (await sql(`SELECT 1 FROM task WHERE id = $1 AND finished_at IS NOT NULL`, [taskId])).length === 1, 10_000, () => `task ${taskId} was not closed`);
  });

  it("accepts nothing for another host's row or a row already ended, and changes neither", async () => {
    await operate(agent.ip, `foreign-${Date.now()}`);
    const [work] = await claim(agent.token);
    const before = await sql(`SELECT code, message, finished_at FROM task_row WHERE id = $1`, [work.rowId]);
    const foreign = await agentCall<{ accepted: number }>("report", other.token, { results: [{ ...result(work.rowId), code: 65535, message: "not mine" }] });
    expect(foreign.body).toEqual({ ok: true, data: { accepted: 0 } });
    expect(await sql(`SELECT code, message, finished_at FROM task_row WHERE id = $1`, [work.rowId])).toEqual(before);

    expect((await agentCall<{ accepted: number }>("report", agent.token, { results: [result(work.rowId)] })).body).toEqual({ ok: true, data: { accepted: 1 } });
    const late = await agentCall<{ accepted: number }>("report", agent.token, { results: [{ ...result(work.rowId), code: 65535, message: "late" }] });
    expect(late.body).toEqual({ ok: true, data: { accepted: 0 } });
    expect(await sql(`SELECT code, message FROM task_row WHERE id = $1`, [work.rowId])).toEqual([{ code: 0, message: "done" }]);
  });

  it("refuses a result with a malformed time, storing nothing", async () => {
    await operate(agent.ip, `badtime-${Date.now()}`);
    const [work] = await claim(agent.token);
    const reply = await agentCall("report", agent.token, { results: [{ ...result(work.rowId), finishedAt: "yesterday" }] });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ ok: false, error: { code: "OUT_OF_RANGE", message: expect.stringContaining("finishedAt") } });
    expect(await sql(`SELECT code FROM task_row WHERE id = $1`, [work.rowId])).toEqual([{ code: 115 }]);
  });
});

describe("managed list", () => {
  const state = (patch: Record<string, unknown> = {}) => ({
    namespace: "report-test",
    name: "managed-one",
    spec: { procName: "m", setupPath: "/tmp", pidPath: "/tmp/m.pid", user: "root", startCmd: "true", stopCmd: "true", restartCmd: "", reloadCmd: "", killCmd: "", autoType: 1, startCheckSecs: 1, startRetries: 3, startInterval: 1, opTimeout: 60 },
    isManaged: true,
    isRunning: true,
    pid: 4242,
    restartCount: 0,
    lastEvent: "started",
    ...patch,
  });
  const stored = async () => sql<{ pid: number; is_running: boolean; updated_at: Date }>(`SELECT pid, is_running, updated_at FROM managed_process WHERE bk_host_id = $1`, [agent.hostId]);

  it("is recorded from a poll, and its last change moves only when something changed", async () => {
    await claim(agent.token, [state()]);
    const [first] = await stored();
    expect(first).toMatchObject({ pid: 4242, is_running: true });

    await claim(agent.token, [state()]);
    expect(await stored()).toEqual([first]);

    const reply = await agentCall("report", agent.token, { results: [], events: [], managed: [state({ isRunning: false, pid: null, lastEvent: "exited" })] });
    expect(reply.status).toBe(200);
    const [changed] = await stored();
    expect(changed).toMatchObject({ pid: null, is_running: false });
    expect(changed.updated_at.getTime()).toBeGreaterThanOrEqual(first.updated_at.getTime());
    expect(changed).not.toEqual(first);
  });
});
