// The agents' socket (lib/protocol/agent-socket.ts, lib/api/agent-gateway/): work pushed to a real
// agent the moment it is queued, the long-poll taking over where a server offers no socket, refusals
// in the agent envelope, messages outside the protocol answered without changing anything, and work
// written to a socket that closes before the agent confirms it ending "agent offline" at once.
import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { AGENT_SOCKET_PATH, toSocketUrl } from "@/lib/protocol/agent-socket";
import { daemonSpec, esb, startAgent, waitFor, waitForGseTask, type TAgent } from "../support/agent-harness";
import { BASE_URL, sql } from "../support/cmdb-client";
import { startServerInstance, type TServerInstance } from "../support/server-instance";

const ENROLL_SECRET = process.env.PROCDECK_TEST_ENROLL_SECRET ?? "";
const agents: TAgent[] = [];
let noSocketServer: TServerInstance | null = null;

afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.stop()));
  await noSocketServer?.kill();
});

async function statusOf(ip: string, name: string): Promise<{ error_code: number; error_msg: string }> {
  const { spec } = daemonSpec();
  const started = await esb("gse/operate_proc/", { meta: { namespace: "socket", name }, op_type: 2, hosts: [{ ip, bk_cloud_id: 0 }], spec });
  expect(started.body.result).toBe(true);
  const rows = await waitForGseTask((started.body.data as { task_id: string }).task_id, 15_000);
  return Object.values(rows)[0];
}

async function enroll(ip: string): Promise<string> {
  const response = await fetch(`${BASE_URL}/api/agent/v1/enroll`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ enrollment_token: ENROLL_SECRET, bk_cloud_id: 0, ip, hostname: "socket-test" }) });
  const body = (await response.json()) as { ok: boolean; data: { agent_token: string } };
  expect(body.ok).toBe(true);
  return body.data.agent_token;
}

/** Opens a raw socket; resolves with it open, or with the HTTP refusal the upgrade got. */
function openSocket(token: string | null): Promise<{ ws: WebSocket } | { status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(toSocketUrl(BASE_URL), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    ws.once("open", () => resolve({ ws }));
    ws.once("unexpected-response", (_req, res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    ws.once("error", reject);
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once("message", (data) => resolve(JSON.parse(data.toString()) as Record<string, unknown>)));
}

/** A raw agent on the socket that has heartbeated, so work for its host is pushed to it. */
async function connectRawAgent(ip: string, acksWork: boolean): Promise<WebSocket> {
  const opened = await openSocket(await enroll(ip));
  if (!("ws" in opened)) throw new Error(`upgrade refused: ${JSON.stringify(opened)}`);
  const reply = nextMessage(opened.ws);
  opened.ws.send(JSON.stringify({ type: "heartbeat", id: 1, session: `raw-${ip}`, ...(acksWork && { acksWork }) }));
  expect(await reply).toMatchObject({ type: "work", id: 1, work: [] });
  return opened.ws;
}

/** Queues a start on `ip` and answers its task id and the work message pushed to `ws`. */
async function queueStartPushedTo(ws: WebSocket, ip: string, name: string): Promise<{ taskId: string; pushed: Record<string, unknown> }> {
  const pushed = nextMessage(ws);
  // a deadline far beyond the test's waits: a row ending within them did not end at its deadline
  const { spec } = daemonSpec({ opTimeout: 120 });
  const queued = await esb("gse/operate_proc/", { meta: { namespace: "socket-receipts", name }, op_type: 0, hosts: [{ ip, bk_cloud_id: 0 }], spec });
  expect(queued.body.result).toBe(true);
  return { taskId: (queued.body.data as { task_id: string }).task_id, pushed: await pushed };
}

function closed(ws: WebSocket): Promise<void> {
  return new Promise((resolve) => {
    ws.once("close", () => resolve());
    ws.close();
  });
}

async function waitForDisconnect(ip: string) {
  await waitFor(async () => (await sql("SELECT 1 FROM host WHERE bk_host_innerip = $1 AND agent_disconnected_at IS NOT NULL", [ip])).length === 1, 10_000, () => `${ip} never showed disconnected`);
}

describe("the agent's socket", () => {
  it("carries a real agent's work: connected over the socket, it never long-polls", async () => {
    const agent = await startAgent("127.0.0.71");
    agents.push(agent);
    expect(agent.output()).toContain("connected to");
    const row = await statusOf("127.0.0.71", "pushed");
    expect(row.error_code).toBe(0);
    expect(agent.output()).not.toContain("polling");
    const [host] = await sql<{ is_online: boolean }>("SELECT agent_disconnected_at IS NULL AND agent_last_seen_at > now() - interval '45 seconds' AS is_online FROM host WHERE bk_host_innerip = '127.0.0.71'");
    expect(host.is_online).toBe(true);
  });

  it("falls back to the long-poll where the server offers no socket, and still runs the work", { timeout: 120_000 }, async () => {
    noSocketServer = await startServerInstance({ PROCDECK_AGENT_GATEWAY: "off" });
    const agent = await startAgent("127.0.0.72", undefined, { servers: [noSocketServer.url] });
    agents.push(agent);
    await waitFor(() => agent.output().includes("no socket there"), 15_000, () => `the agent did not fall back:\n${agent.output()}`);
    const row = await statusOf("127.0.0.72", "fallback");
    expect(row.error_code).toBe(0);
  });

  it("refuses an upgrade without a valid agent token in the agent envelope", async () => {
    const missing = await openSocket(null);
    expect(missing).toMatchObject({ status: 401, body: { ok: false, error: { code: "UNAUTHENTICATED" } } });
    const madeUp = await openSocket("1.not-a-real-token");
    expect(madeUp).toMatchObject({ status: 401, body: { ok: false, error: { code: "UNAUTHENTICATED" } } });
    const elsewhere = await fetch(new URL(`${AGENT_SOCKET_PATH}x`, BASE_URL), { headers: { connection: "upgrade", upgrade: "websocket" } }).catch(() => null);
    // not an upgrade the server takes: no socket, never a 5xx
    expect(elsewhere === null || elsewhere.status < 500).toBe(true);
  });

  it("answers messages outside the protocol with 'failed', and a report for another host's row changes nothing", async () => {
    const token = await enroll("127.0.0.73");
    const opened = await openSocket(token);
    if (!("ws" in opened)) throw new Error(`upgrade refused: ${JSON.stringify(opened)}`);
    const { ws } = opened;
    try {
      ws.send("not json");
      expect(await nextMessage(ws)).toMatchObject({ type: "failed", id: null });
      ws.send(JSON.stringify({ type: "report", id: 7, report: { results: "many" } }));
      expect(await nextMessage(ws)).toMatchObject({ type: "failed", id: 7, error: { code: "OUT_OF_RANGE" } });

      // a row of another host, still running: the report is taken (accepted 0) and the row stays as it was
      const agentHost = "127.0.0.71";
      const { spec } = daemonSpec({ startCheckSecs: 5 });
      const queued = await esb("gse/operate_proc/", { meta: { namespace: "socket", name: "foreign" }, op_type: 0, hosts: [{ ip: agentHost, bk_cloud_id: 0 }], spec });
      const taskId = (queued.body.data as { task_id: string }).task_id;
      const [row] = await sql<{ id: string }>("SELECT id::text AS id FROM task_row WHERE task_id = $1", [taskId]);
      const now = new Date().toISOString();
      ws.send(JSON.stringify({ type: "report", id: 8, report: { results: [{ rowId: row.id, code: 0, message: "forged", content: "", exitCode: 0, outputTail: "", pid: null, startedAt: now, finishedAt: now }] } }));
      expect(await nextMessage(ws)).toMatchObject({ type: "reported", id: 8, accepted: 0 });
      const results = await waitForGseTask(taskId, 20_000);
      expect(Object.values(results)[0].error_msg).not.toBe("forged");
    } finally {
      ws.close();
    }
  });

  it("ends work the agent never confirmed 'agent offline' as soon as its socket closes, not at the deadline", { timeout: 60_000 }, async () => {
    const ip = "127.0.0.76";
    const ws = await connectRawAgent(ip, true);
    const { taskId, pushed } = await queueStartPushedTo(ws, ip, "unconfirmed");
    expect(pushed).toMatchObject({ type: "work", id: null, work: [{ opType: 0 }] });
    // the agent "died" with the work in its socket: no receipt, then the connection drops
    await closed(ws);
    const results = await waitForGseTask(taskId, 20_000);
    expect(Object.values(results)[0]).toMatchObject({ error_code: 117 });
  });

  it("keeps work claimed when the agent confirmed it, and for an agent that predates receipts", { timeout: 60_000 }, async () => {
    for (const [ip, acksWork] of [["127.0.0.77", true], ["127.0.0.78", false]] as const) {
      const ws = await connectRawAgent(ip, acksWork);
      const { taskId, pushed } = await queueStartPushedTo(ws, ip, `confirmed-${acksWork}`);
      const [item] = pushed.work as { rowId: string }[];
      if (acksWork) ws.send(JSON.stringify({ type: "received", rowIds: [item.rowId] }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await closed(ws);
      await waitForDisconnect(ip);
      // the agent may be running it: it stays claimed until its report or its deadline
      const [row] = await sql<{ code: number; is_claimed: boolean }>("SELECT code, claimed_at IS NOT NULL AS is_claimed FROM task_row WHERE task_id = $1", [taskId]);
      expect(row, `acksWork ${acksWork}`).toMatchObject({ code: 115, is_claimed: true });
    }
  });
});
