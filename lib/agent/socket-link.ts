// The agent's side of its persistent connection to the gateway (lib/protocol/agent-socket.ts): one
// WebSocket, heartbeats and reports out with ids, work pushed in and confirmed as it is taken. Every
// message from the gateway is checked against the protocol before the agent acts on it.
import WebSocket from "ws";
import type { TPollReply, TReportReply, TReportRequest } from "@/lib/protocol/agent-protocol";
import { MAX_SOCKET_MESSAGE_BYTES, PING_INTERVAL_MS, SOCKET_CLOSE, toSocketUrl, ZGatewayMessage, type TSocketHeartbeat, type TSocketReceived } from "@/lib/protocol/agent-socket";
import { AgentRefusedError } from "./server-client";

/** A reply not back by then: the connection is treated as dead. */
const REPLY_TIMEOUT_MS = 15_000;
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The socket could not be opened. `isAnswered`: a server answered the upgrade with something else
 * (no gateway, a proxy that drops upgrades), so the long-poll takes over; otherwise it was not reached.
 */
export class SocketUnavailableError extends Error {
  constructor(
    message: string,
    readonly isAnswered: boolean,
  ) {
    super(message);
  }
}

type TWaiting = { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

export class SocketLink {
  private nextId = 1;
  private readonly waiting = new Map<number, TWaiting>();

  private constructor(
    private readonly ws: WebSocket,
    private readonly onWork: (reply: TPollReply) => void,
  ) {
    ws.on("message", (data) => this.receive(data.toString()));
    ws.on("close", () => this.failAll(new Error("the connection to the gateway closed")));
    // a gateway silent for two of its ping rounds is gone (a cut network shows no close)
    let silence: NodeJS.Timeout;
    const armSilence = () => {
      clearTimeout(silence);
      silence = setTimeout(() => ws.terminate(), PING_INTERVAL_MS * 2 + 5000);
    };
    armSilence();
    ws.on("ping", armSilence);
    ws.on("message", armSilence);
    ws.on("close", () => clearTimeout(silence));
  }

  /** Opens the socket to `serverUrl`'s gateway; refused tokens throw AgentRefusedError, like the HTTP calls. */
  static open(serverUrl: string, token: string, onWork: (reply: TPollReply) => void): Promise<SocketLink> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(toSocketUrl(serverUrl), { headers: { authorization: `Bearer ${token}` }, maxPayload: MAX_SOCKET_MESSAGE_BYTES, handshakeTimeout: CONNECT_TIMEOUT_MS, perMessageDeflate: false });
      ws.once("open", () => resolve(new SocketLink(ws, onWork)));
      ws.once("unexpected-response", (_req, res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => (body += chunk.toString()));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const error = readError(body);
          ws.terminate();
          if ((status === 401 || status === 403) && error) reject(new AgentRefusedError(status, error.code, error.message));
          else reject(new SocketUnavailableError(`the server answered ${status} to the socket upgrade`, true));
        });
      });
      // a handshake that times out reached something that does not speak WebSocket: answered, in effect
      ws.once("error", (error) => reject(new SocketUnavailableError(error.message, /timed out/i.test(error.message))));
    });
  }

  /** Resolves when the connection closes: with AgentRefusedError when the gateway dropped this agent for good. */
  closed(): Promise<{ refused: AgentRefusedError | null; isGoingAway: boolean }> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve({ refused: null, isGoingAway: true });
      this.ws.once("close", (code, reason) => {
        const isRefused = code === SOCKET_CLOSE.REVOKED || code === SOCKET_CLOSE.UNAUTHENTICATED;
        resolve({ refused: isRefused ? new AgentRefusedError(code === SOCKET_CLOSE.REVOKED ? 403 : 401, "FORBIDDEN", reason.toString() || "refused") : null, isGoingAway: !isRefused });
      });
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  heartbeat(message: Omit<TSocketHeartbeat, "type" | "id" | "acksWork">): Promise<TPollReply> {
    return this.request((id) => ({ ...message, type: "heartbeat", id, acksWork: true } satisfies TSocketHeartbeat)) as Promise<TPollReply>;
  }

  report(report: TReportRequest): Promise<TReportReply> {
    return this.request((id) => ({ type: "report", id, report })) as Promise<TReportReply>;
  }

  close() {
    this.ws.close(1000, "agent stopping");
  }

  private request(build: (id: number) => object): Promise<unknown> {
    if (!this.isOpen) return Promise.reject(new Error("the connection to the gateway is not open"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error("the gateway did not answer in time"));
        this.ws.terminate();
      }, REPLY_TIMEOUT_MS);
      this.waiting.set(id, { resolve, reject, timer });
      this.ws.send(JSON.stringify(build(id)));
    });
  }

  private receive(raw: string) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return;
    }
    const parsed = ZGatewayMessage.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === "work") {
      // confirmed before anything runs: rows the gateway sent and never saw confirmed go back to the queue when the socket closes
      if (message.work.length) this.ws.send(JSON.stringify({ type: "received", rowIds: message.work.map((item) => item.rowId) } satisfies TSocketReceived));
      const reply = { work: message.work, ...(message.upgrade && { upgrade: message.upgrade }) };
      if (message.id === null) return this.onWork(reply);
      return this.settle(message.id, reply);
    }
    if (message.type === "reported") return this.settle(message.id, { accepted: message.accepted });
    if (message.id !== null) this.settle(message.id, new Error(`the gateway refused the message: ${message.error.message}`));
  }

  private settle(id: number, outcome: unknown) {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.waiting.delete(id);
    clearTimeout(waiting.timer);
    if (outcome instanceof Error) waiting.reject(outcome);
    else waiting.resolve(outcome);
  }

  private failAll(error: Error) {
    for (const [id, waiting] of this.waiting) {
      clearTimeout(waiting.timer);
      waiting.reject(error);
      this.waiting.delete(id);
    }
  }
}

function readError(body: string): { code: string; message: string } | null {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === "string" && typeof parsed.error.message === "string" ? { code: parsed.error.code, message: parsed.error.message } : null;
  } catch {
    return null;
  }
}
