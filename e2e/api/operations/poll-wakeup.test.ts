// A waiting long-poll is woken the moment work is queued for its host (NOTIFY on the server's one
// LISTEN connection, shared with the cache invalidation of lib/core/change-feed.ts), not at the end
// of its wait: the long-poll is the agents' fallback, and 25 s per operation would be no fallback.
import { expect, it } from "vitest";
import { daemonSpec, esb } from "../support/agent-harness";
import { BASE_URL } from "../support/cmdb-client";

const ENROLL_SECRET = process.env.PROCDECK_TEST_ENROLL_SECRET ?? "";
const IP = "127.0.0.74";
const WAIT_MS = 20_000;

async function agentCall<T>(pathname: string, token: string | null, body: unknown): Promise<T> {
  const response = await fetch(`${BASE_URL}/api/agent/v1/${pathname}`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  const reply = (await response.json()) as { ok: boolean; data: T };
  expect(reply.ok).toBe(true);
  return reply.data;
}

it("answers a waiting long-poll with the work queued meanwhile, long before its wait ends", async () => {
  const { agent_token: token } = await agentCall<{ agent_token: string }>("enroll", null, { enrollment_token: ENROLL_SECRET, bk_cloud_id: 0, ip: IP, hostname: "poll-wakeup" });
  // a first poll that answers at once: the host is online, nothing is queued
  expect((await agentCall<{ work: unknown[] }>("poll", token, { waitMs: 0, managed: [], session: "wakeup" })).work).toEqual([]);

  const startedAt = Date.now();
  const waiting = agentCall<{ work: { name: string }[] }>("poll", token, { waitMs: WAIT_MS, managed: [], session: "wakeup" });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const { spec } = daemonSpec();
  const queued = await esb("gse/operate_proc/", { meta: { namespace: "wakeup", name: "woken" }, op_type: 2, hosts: [{ ip: IP, bk_cloud_id: 0 }], spec });
  expect(queued.body.result).toBe(true);
  const reply = await waiting;
  expect(reply.work.map((item) => item.name)).toEqual(["woken"]);
  // woken by the NOTIFY, not answered by the claim after the wait ran out
  expect(Date.now() - startedAt).toBeLessThan(WAIT_MS / 2);
}, 40_000);
