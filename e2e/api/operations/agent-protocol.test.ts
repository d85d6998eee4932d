// The agent protocol accepts only agent tokens; a revoked agent is refused on its next poll.
import { expect, it } from "vitest";
import { APP, BASE_URL, sql } from "../support/cmdb-client";
import { startAgent } from "../support/agent-harness";

const poll = (headers: Record<string, string>) =>
  fetch(`${BASE_URL}/api/agent/v1/poll`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ waitMs: 0 }) });

it("refuses app credentials, missing tokens and made-up tokens", async () => {
  const asApp = await poll({ "X-Bkapi-Authorization": JSON.stringify({ bk_app_code: APP.code, bk_app_secret: APP.secret }) });
  expect(asApp.status).toBe(401);
  expect(await asApp.json()).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  expect((await poll({ authorization: "Bearer 1.not-the-token" })).status).toBe(401);
  expect((await poll({})).status).toBe(401);
});

it("refuses enrolment with a wrong secret", async () => {
  const response = await fetch(`${BASE_URL}/api/agent/v1/enroll`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ enrollment_token: "guess", bk_cloud_id: 0, ip: "127.0.0.12", hostname: "x", version: "0" }),
  });
  expect(response.status).toBe(401);
});

it("stores only a hash of the agent token, and a revoked agent's next poll is refused", async () => {
  const agent = await startAgent("127.0.0.12");
  const [host] = await sql<{ agent_token_hash: string; bk_host_id: number }>(`SELECT agent_token_hash, bk_host_id FROM host WHERE bk_host_innerip = '127.0.0.12'`);
  expect(host.agent_token_hash).toMatch(/^sha256\$/);
  await sql(`UPDATE host SET agent_revoked_at = now() WHERE bk_host_id = $1`, [host.bk_host_id]);
  const code = await Promise.race([agent.exited, new Promise((resolve) => setTimeout(() => resolve("still running"), 40_000))]);
  expect(code).toBe(3);
  expect(agent.output()).toContain("revoked");
  await sql(`UPDATE host SET agent_revoked_at = NULL WHERE bk_host_id = $1`, [host.bk_host_id]);
}, 60_000);
