// Revoking an agent from the console: a real agent identity enrols with the enrolment secret over
// plain HTTP, a global admin revokes it, its next poll and report are refused, the hosts list and the
// agents list say "revoked", and enrolling again with a fresh one-time token brings it back.
import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, sql } from "./support/cmdb-client";
import { signedInUser, type TConsoleClient } from "./support/principals";
import { createBusinessViaApi, dataOf, errorOf, freshTestIp, insertHost, topologyPaths } from "./support/topology";

const ENROLL_SECRET = process.env.PROCDECK_TEST_ENROLL_SECRET ?? "";

type TAgentReply<T> = { status: number; body: { ok: true; data: T } | { ok: false; error: { code: string; message: string } } };

async function agentCall<T>(path: string, body: unknown, token?: string): Promise<TAgentReply<T>> {
  const response = await fetch(`${BASE_URL}/api/agent/v1/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function enrol(ip: string, enrollmentToken = ENROLL_SECRET): Promise<{ token: string; hostId: number }> {
  const reply = await agentCall<{ agent_token: string; host_id: number }>("enroll", { enrollment_token: enrollmentToken, bk_cloud_id: 0, ip, hostname: `agent-${ip}`, version: "test-1" });
  if (!reply.body.ok) throw new Error(`enrolment refused: ${reply.body.error.message}`);
  return { token: reply.body.data.agent_token, hostId: reply.body.data.host_id };
}

const poll = (token: string) => agentCall<{ work: unknown[] }>("poll", { waitMs: 0, version: "test-1" }, token);

let admin: TConsoleClient;

beforeAll(async () => {
  expect(ENROLL_SECRET, "PROCDECK_TEST_ENROLL_SECRET").not.toBe("");
  admin = await signedInUser({ isGlobalAdmin: true, prefix: "agent-admin" });
});

describe("revoking an agent", () => {
  it("refuses its next poll and report, shows it revoked, and lets it enrol again", async () => {
    const biz = await createBusinessViaApi(admin, "agents");
    const ip = await freshTestIp();
    const agent = await enrol(ip);
    dataOf(await admin.call("POST", topologyPaths(biz.bizId).moduleHosts(biz.idleModuleId), { body: { hostIds: [], hosts: [{ ip }] } }));
    expect((await poll(agent.token)).status).toBe(200);

    // a business admin may not revoke: an agent serves its host, not one business
    const bizAdmin = await signedInUser({ roles: [{ bizId: biz.bizId, role: "admin" }] });
    expect(errorOf(await bizAdmin.call("POST", `/api/console/hosts/${agent.hostId}/revoke-agent`))).toMatchObject({ status: 403, kind: "FORBIDDEN" });
    expect((await poll(agent.token)).status).toBe(200);

    const revoked = dataOf<{ hostId: number; agentState: string; revokedAt: string }>(await admin.call("POST", `/api/console/hosts/${agent.hostId}/revoke-agent`));
    expect(revoked).toMatchObject({ hostId: agent.hostId, agentState: "revoked" });

    const refusedPoll = await poll(agent.token);
    expect(refusedPoll.status).toBe(403);
    expect(refusedPoll.body).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: expect.stringContaining("revoked") } });
    const refusedReport = await agentCall("report", { results: [], events: [] }, agent.token);
    expect(refusedReport.status).toBe(403);

    const hosts = dataOf<{ hostId: number; agentState: string; revokedAt: string | null }[]>(await admin.call("GET", topologyPaths(biz.bizId).hosts));
    expect(hosts.find((host) => host.hostId === agent.hostId)).toMatchObject({ agentState: "revoked", revokedAt: revoked.revokedAt });
    const agents = dataOf<{ hostId: number; agentState: string; businesses: { bizId: number }[] }[]>(await admin.call("GET", "/api/console/agents?state=revoked"));
    expect(agents.find((row) => row.hostId === agent.hostId)).toMatchObject({ agentState: "revoked", businesses: [{ bizId: biz.bizId, name: biz.name }] });

    const [audit] = await sql<{ action: string; bk_biz_id: number; before: { state: string }; after: { state: string } }>(
      `SELECT action, bk_biz_id, before, after FROM audit_entry WHERE object_type = 'agent' AND object_id = $1`,
      [String(agent.hostId)],
    );
    expect(audit).toMatchObject({ action: "revoke", bk_biz_id: biz.bizId, before: { state: "online" }, after: { state: "revoked" } });

    // revoking again is a no-op: the same moment, no second audit row
    expect(dataOf(await admin.call("POST", `/api/console/hosts/${agent.hostId}/revoke-agent`))).toEqual(revoked);
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry WHERE object_type = 'agent' AND object_id = $1`, [String(agent.hostId)]);
    expect(n).toBe(1);

    // a fresh one-time token for this host enrols it again; the old token stays dead
    const { token: enrollmentToken } = dataOf<{ token: string }>(await admin.call("POST", "/api/console/enrollment-tokens", { body: { ip } }));
    const again = await enrol(ip, enrollmentToken);
    expect(again.hostId).toBe(agent.hostId);
    expect((await poll(again.token)).status).toBe(200);
    expect((await poll(agent.token)).status).toBe(401);
    const after = dataOf<{ hostId: number; agentState: string }[]>(await admin.call("GET", topologyPaths(biz.bizId).hosts));
    expect(after.find((host) => host.hostId === agent.hostId)?.agentState).toBe("online");
  });

  it("ends the rows still queued for a revoked agent at once instead of handing them to it", async () => {
    const ip = await freshTestIp();
    const agent = await enrol(ip);
    const taskId = `GSETASK:20240101000000:${Date.now()}${Math.floor(Math.random() * 1000)}`;
    await sql(`INSERT INTO task (id, source, op_type, requested_by, row_count) VALUES ($1, 'console', 0, 'tester', 1)`, [taskId]);
    await sql(
      `INSERT INTO task_row (task_id, bk_host_id, bk_cloud_id, ip, namespace, name, op_type, spec, code) VALUES ($1, $2, 0, $3, 'ns', 'queued-proc', 0, '{"opTimeout": 60, "startCheckSecs": 1}', 115)`,
      [taskId, agent.hostId, ip],
    );
    dataOf(await admin.call("POST", `/api/console/hosts/${agent.hostId}/revoke-agent`));
    const [row] = await sql<{ code: number; message: string }>(`SELECT code, message FROM task_row WHERE task_id = $1`, [taskId]);
    expect(row).toEqual({ code: 117, message: "the agent of this host was revoked" });
    const [task] = await sql<{ finished_at: Date | null }>(`SELECT finished_at FROM task WHERE id = $1`, [taskId]);
    expect(task.finished_at).not.toBeNull();
  });

  it("refuses a host that never enrolled and an unknown host, changing nothing", async () => {
    const host = await insertHost();
    const refused = errorOf(await admin.call("POST", `/api/console/hosts/${host.hostId}/revoke-agent`));
    expect(refused.status).toBe(409);
    expect(refused.message).toContain("has no enrolled agent");
    expect(errorOf(await admin.call("POST", "/api/console/hosts/2147483000/revoke-agent")).status).toBe(404);
    const [row] = await sql<{ agent_revoked_at: Date | null }>(`SELECT agent_revoked_at FROM host WHERE bk_host_id = $1`, [host.hostId]);
    expect(row.agent_revoked_at).toBeNull();

    const agents = dataOf<{ hostId: number; agentState: string }[]>(await admin.call("GET", "/api/console/agents"));
    expect(agents.find((agent) => agent.hostId === host.hostId)?.agentState).toBe("none");
  });
});
