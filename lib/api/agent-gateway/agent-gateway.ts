// The agent gateway: agents' persistent sockets (lib/protocol/agent-socket.ts), served off Next's
// per-request path. Stateless like the HTTP routes: which instance holds an agent's socket matters to
// nobody, because work reaches it through PostgreSQL's NOTIFY (every instance hears every task) and
// every row is claimed in the database. It runs as its own process: beside `npm start`'s server, which
// hands it the upgrade requests of AGENT_SOCKET_PATH (scripts/serve.ts), or alone, several of them
// behind a load balancer (scripts/agent-gateway.ts).
import "server-only";
import type http from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { toApiError } from "@/lib/core/errors";
import { AGENT_SOCKET_PATH, formatUpgradeRefusal, MAX_SOCKET_MESSAGE_BYTES, PING_INTERVAL_MS, SOCKET_CLOSE } from "@/lib/protocol/agent-socket";
import { authenticateAgentHeader } from "@/lib/operations/agent-token";
import { settleOverdueRows } from "@/lib/operations/task-lifecycle";
import { getWorkNotifier } from "@/lib/operations/work-notifier";
import { AgentConnection } from "./agent-connection";
import { ReportBatcher } from "./report-batcher";
import { WorkPusher } from "./work-pusher";

/** Rows whose agent vanished end at their deadline even when no heartbeat or page read sweeps. */
const SWEEP_INTERVAL_MS = 1000;

export class AgentGateway {
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES, perMessageDeflate: false });
  /** the latest connection of each host: pushes go there */
  private readonly connections = new Map<number, AgentConnection>();
  private readonly reports = new ReportBatcher();
  private readonly pusher = new WorkPusher((hostId) => this.connections.get(hostId));
  private readonly timers: NodeJS.Timeout[] = [];
  private stopWatching: (() => void) | null = null;

  async start(): Promise<void> {
    this.stopWatching = await getWorkNotifier().watch((hostIds) => this.pusher.notify(hostIds === "all" ? this.connections.keys() : hostIds));
    this.timers.push(setInterval(() => this.connections.forEach((connection) => connection.checkAlive()), PING_INTERVAL_MS));
    this.timers.push(setInterval(() => void settleOverdueRows().catch(() => {}), SWEEP_INTERVAL_MS));
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** An HTTP upgrade request: a socket for an agent with a valid token, an agent-protocol error otherwise. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on("error", () => socket.destroy());
    if ((req.url ?? "").split("?")[0] !== AGENT_SOCKET_PATH) return refuseUpgrade(socket, 404, "NOT_FOUND", "no such path");
    authenticateAgentHeader(req.headers.authorization ?? null).then(
      (host) => this.sockets.handleUpgrade(req, socket, head, (ws) => this.accept(ws, host, req.headers.authorization ?? "")),
      (error: unknown) => {
        const failure = toApiError(error);
        refuseUpgrade(socket, failure.status, failure.kind, failure.localized("en"));
      },
    );
  }

  /** Closes every socket with "going away": the agents connect again, to another instance when this one is gone. */
  async stop(): Promise<void> {
    this.stopWatching?.();
    this.timers.forEach(clearInterval);
    this.pusher.stop();
    for (const connection of this.connections.values()) connection.close(SOCKET_CLOSE.GOING_AWAY, "gateway shutting down");
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
  }

  private accept(ws: WebSocket, host: Awaited<ReturnType<typeof authenticateAgentHeader>>, authorization: string) {
    const { tokenHash, ...agentHost } = host;
    const connection = new AgentConnection(agentHost, tokenHash, authorization, ws, this.reports, (ready) => {
      // a newer connection of the same agent (it reconnected before the old socket was noticed gone) takes over
      if (ws.readyState === ws.OPEN) this.connections.set(host.id, ready);
    });
    ws.on("close", () => {
      if (this.connections.get(host.id) === connection) this.connections.delete(host.id);
      void connection.onClosed();
    });
    ws.on("error", () => ws.terminate());
  }
}

/** The refusal as the HTTP routes would answer it ({ok:false,error}), then the connection is closed. */
function refuseUpgrade(socket: Duplex, status: number, code: string, message: string) {
  if (!socket.writable) return void socket.destroy();
  socket.end(formatUpgradeRefusal(status, code, message));
}
