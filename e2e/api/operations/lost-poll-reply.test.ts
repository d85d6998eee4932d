// A poll reply that never reaches the agent (the instance died after claiming, the connection
// dropped) must not strand its rows until their deadline: the same run of the agent (its session)
// gets every row claimed for it that it does not hold on its next poll. A restarted agent (a new
// session) or an older one (no session) never gets a row twice: what its earlier run was executing
// ends at its deadline, as before.
import { describe, expect, it } from "vitest";
import { BASE_URL, sql } from "../support/cmdb-client";
import { freshTestIp } from "../support/topology";

const ENROLL_SECRET = process.env.PROCDECK_TEST_ENROLL_SECRET ?? "";

type TWork = { rowId: string; name: string };

async function agentCall<T>(path: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(`${BASE_URL}/api/agent/v1/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const reply = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${path} refused: ${reply.error?.message}`);
  return reply.data;
}

async function enrolledHost(): Promise<{ token: string; hostId: number }> {
  const ip = await freshTestIp();
  const reply = await agentCall<{ agent_token: string; host_id: number }>("enroll", { enrollment_token: ENROLL_SECRET, bk_cloud_id: 0, ip, hostname: `lost-${ip}`, version: "test" });
  return { token: reply.agent_token, hostId: reply.host_id };
}

async function queueRow(hostId: number, name: string): Promise<string> {
  const taskId = `GSETASK:20240101000000:${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await sql(`INSERT INTO task (id, source, op_type, requested_by, row_count) VALUES ($1, 'console', 2, 'tester', 1)`, [taskId]);
  const [row] = await sql<{ id: string }>(
    `INSERT INTO task_row (task_id, bk_host_id, bk_cloud_id, ip, namespace, name, op_type, spec, code)
     SELECT $1, $2, 0, bk_host_innerip, 'lost-reply', $3, 2, '{"opTimeout": 60, "startCheckSecs": 1}', 115 FROM host WHERE bk_host_id = $2 RETURNING id::text`,
    [taskId, hostId, name],
  );
  return row.id;
}

const poll = (token: string, extra: Record<string, unknown>) => agentCall<{ work: TWork[] }>("poll", { waitMs: 0, version: "test", ...extra }, token);

describe("a poll reply lost on the way", () => {
  it("hands the same session its unheld rows again, and never what it holds", async () => {
    const host = await enrolledHost();
    const rowId = await queueRow(host.hostId, "lost-once");
    // the reply of this poll is "lost": the agent acts as if it never came
    expect((await poll(host.token, { session: "run-1", holding: [] })).work.map((item) => item.rowId)).toEqual([rowId]);
    expect((await poll(host.token, { session: "run-1", holding: [] })).work.map((item) => item.rowId)).toEqual([rowId]);
    // once it holds the row, it is not sent again
    expect((await poll(host.token, { session: "run-1", holding: [rowId] })).work).toEqual([]);
  });

  it("never hands a row to another run of the agent, nor to an agent without a session", async () => {
    const host = await enrolledHost();
    const rowId = await queueRow(host.hostId, "claimed-by-old-run");
    expect((await poll(host.token, { session: "run-old", holding: [] })).work.map((item) => item.rowId)).toEqual([rowId]);
    expect((await poll(host.token, { session: "run-new", holding: [] })).work).toEqual([]);
    expect((await poll(host.token, {})).work).toEqual([]);
    const [row] = await sql<{ code: number; claim_session: string }>(`SELECT code, claim_session FROM task_row WHERE id = $1`, [rowId]);
    expect(row).toEqual({ code: 115, claim_session: "run-old" });
  });
});
