// Honest presence: an agent whose connection drops (it died: its long-poll's socket closed) reads
// offline within seconds, in the console's agent list and in the process's hosts, from the database
// (so every server instance agrees); its next heartbeat brings it back online.
import { afterAll, beforeAll, expect, it } from "vitest";
import { signedInGlobalAdmin } from "../support/admin-support";
import { startAgent, waitFor, type TAgent } from "../support/agent-harness";
import type { TConsoleClient } from "../support/principals";

const IP = "127.0.0.42";
let admin: TConsoleClient;
let agent: TAgent | undefined;

beforeAll(async () => {
  admin = await signedInGlobalAdmin();
});

afterAll(async () => {
  await agent?.stop("SIGKILL");
});

async function agentState(): Promise<string | undefined> {
  const reply = await admin.call<{ ok: true; data: { ip: string; agentState: string }[] }>("GET", "/api/console/agents");
  const body = reply.body as { ok: boolean; data?: { ip: string; cloudId: number; agentState: string }[] };
  return body.data?.find((row) => row.ip === IP && row.cloudId === 0)?.agentState;
}

it("a killed agent reads offline within 5 s, and online again once it is back", async () => {
  agent = await startAgent(IP);
  await waitFor(async () => (await agentState()) === "online", 10_000, () => `never online:\n${agent?.output()}`);

  const stateDir = agent.stateDir;
  await agent.stop("SIGKILL");
  agent = undefined;
  const killedAt = Date.now();
  await waitFor(async () => (await agentState()) === "offline", 5_000, () => "still online 5 s after its agent was killed");
  expect(Date.now() - killedAt).toBeLessThan(5_000);

  agent = await startAgent(IP, stateDir);
  await waitFor(async () => (await agentState()) === "online", 10_000, () => `not online again after restart:\n${agent?.output()}`);
});

it("an agent stopped by a signal (its socket closes the same way) reads offline at once too", async () => {
  agent ??= await startAgent(IP);
  await waitFor(async () => (await agentState()) === "online", 10_000, () => "never online");
  await agent.stop("SIGTERM");
  agent = undefined;
  await waitFor(async () => (await agentState()) === "offline", 5_000, () => "still online 5 s after its agent stopped");
});
