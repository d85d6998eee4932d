// The load generator on the agents' socket transport (lib/protocol/agent-socket.ts): one WebSocket per
// identity to the agent gateway, a heartbeat when it opens, work answered at once with the same
// plausible results as the long-poll swarm (simulate-agent-swarm.ts). For load only: not the real agent.
import WebSocket from "ws";
import type pg from "pg";
import type { TWorkItem } from "@/lib/protocol/agent-protocol";
import { toSocketUrl, ZGatewayMessage } from "@/lib/protocol/agent-socket";
import type { TBenchHost } from "./insert-bench-hosts";
import { issueBenchTokens } from "./issue-bench-tokens";
import { executeInstantly, type TAgentSwarm, type TSwarmStats } from "./simulate-agent-swarm";

const VERSION = "bench-swarm";
/** Sockets opening at once: each costs the gateway a token check and a heartbeat. */
const CONNECT_CONCURRENCY = 64;
const RECONNECT_PAUSE_MS = 1000;

type TIdentity = { index: number; token: string; ws: WebSocket | null; isReady: boolean; nextId: number; reports: Set<number> };

export function createSocketSwarm(gatewayUrl: string, hosts: TBenchHost[], sql: pg.Client): TAgentSwarm & { connect: (onProgress: (done: number) => void) => Promise<void> } {
  const url = toSocketUrl(gatewayUrl);
  const stats: TSwarmStats = { polls: 0, pollsWithWork: 0, reports: 0, rowsReported: 0, errors: 0, lastError: "" };
  const identities: TIdentity[] = [];
  let isStopped = false;
  let ready = 0;
  let reportsInFlight = 0;

  const noteError = (what: string) => {
    stats.errors += 1;
    stats.lastError = what;
  };

  const answer = (identity: TIdentity, work: TWorkItem[]) => {
    if (!work.length || !identity.ws) return;
    stats.pollsWithWork += 1;
    const id = identity.nextId++;
    identity.reports.add(id);
    reportsInFlight += 1;
    stats.rowsReported += work.length;
    identity.ws.send(JSON.stringify({ type: "report", id, report: { results: work.map(executeInstantly), events: [], managed: [] } }));
  };

  /** Opens the identity's socket; resolves once its first heartbeat is answered (or it failed). */
  const open = (identity: TIdentity): Promise<void> =>
    new Promise((resolve) => {
      const ws = new WebSocket(url, { headers: { authorization: `Bearer ${identity.token}` }, perMessageDeflate: false });
      identity.ws = ws;
      const heartbeatId = identity.nextId++;
      ws.on("open", () => ws.send(JSON.stringify({ type: "heartbeat", id: heartbeatId, version: VERSION, managed: [], session: `bench-${identity.index}` })));
      ws.on("message", (data) => {
        const parsed = ZGatewayMessage.safeParse(JSON.parse(data.toString()));
        if (!parsed.success) return noteError("a gateway message outside the protocol");
        const message = parsed.data;
        if (message.type === "work") {
          if (message.id === heartbeatId && !identity.isReady) {
            identity.isReady = true;
            ready += 1;
            stats.polls += 1;
            resolve();
          }
          answer(identity, message.work);
        } else if (message.id !== null && identity.reports.delete(message.id)) {
          reportsInFlight -= 1;
          if (message.type === "reported") stats.reports += 1;
          else noteError(`report: ${message.error.message}`);
        }
      });
      const lost = (why: string) => {
        if (identity.isReady) ready -= 1;
        identity.isReady = false;
        reportsInFlight -= identity.reports.size;
        identity.reports.clear();
        identity.ws = null;
        resolve();
        if (isStopped) return;
        noteError(why);
        setTimeout(() => void open(identity), RECONNECT_PAUSE_MS);
      };
      ws.on("error", (error) => ws.readyState !== WebSocket.CLOSED && noteError(error.message));
      ws.on("close", (code) => lost(`socket closed (${code})`));
    });

  return {
    enroll: async (onProgress) => {
      const tokens = await issueBenchTokens(sql, hosts);
      tokens.forEach((token, index) => identities.push({ index, token, ws: null, isReady: false, nextId: 1, reports: new Set() }));
      onProgress(hosts.length);
    },
    connect: async (onProgress) => {
      let next = 0;
      const worker = async () => {
        while (next < identities.length && !isStopped) {
          await open(identities[next++]);
          onProgress(ready);
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, identities.length) }, worker));
    },
    startPolling: () => {},
    pollsInFlight: () => ready,
    reportsInFlight: () => reportsInFlight,
    stats: () => ({ ...stats }),
    stop: () => {
      isStopped = true;
      for (const identity of identities) identity.ws?.terminate();
    },
  };
}
