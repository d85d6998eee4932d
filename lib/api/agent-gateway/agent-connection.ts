// One agent's socket on the gateway: its messages in (heartbeats, reports, receipts of work), work and
// acknowledgements out. Messages are checked against the socket protocol (lib/protocol/agent-socket.ts); one that does
// not parse is answered "failed" and changes nothing, as an HTTP request would be answered 400.
import "server-only";
import { randomUUID } from "node:crypto";
import type { WebSocket } from "ws";
import { toApiError } from "@/lib/core/errors";
import { describeZodIssue } from "@/lib/core/describe-zod-issue";
import type { TUpgradeOrder, TWorkItem } from "@/lib/protocol/agent-protocol";
import { SOCKET_CLOSE, ZAgentSocketMessage, type TGatewayMessage } from "@/lib/protocol/agent-socket";
import { acceptHeartbeat } from "@/lib/operations/accept-heartbeat";
import { markDisconnected } from "@/lib/operations/agent-presence";
import { authenticateAgentHeader, type TAgentHost } from "@/lib/operations/agent-token";
import { recordAgentReport } from "@/lib/operations/record-agent-report";
import type { ReportBatcher } from "./report-batcher";

export class AgentConnection {
  /** names this connection in host.agent_poll_id: its close marks the host offline unless a newer one took over */
  readonly presenceId = randomUUID();
  session: string | null = null;
  isAlive = true;
  /** the agent's heartbeat said it confirms the rows it receives (older agents do not) */
  private doesAckWork = false;
  /** rows sent to the agent and not yet confirmed: back to the queue if the socket closes before it does */
  private readonly unconfirmed = new Set<string>();
  /** messages being handled: a heartbeat still being written when the socket closes must not outlive the close */
  private readonly handling = new Set<Promise<void>>();

  constructor(
    readonly host: TAgentHost,
    readonly tokenHash: string,
    /** the upgrade request's Authorization value: every heartbeat checks it again, as every poll does */
    private readonly authorization: string,
    private readonly socket: WebSocket,
    private readonly reports: ReportBatcher,
    /** the first heartbeat was answered: from now on queued work is pushed */
    private readonly onReady: (connection: AgentConnection) => void,
  ) {
    socket.on("message", (data, isBinary) => {
      const handled = this.receive(isBinary ? null : data.toString());
      this.handling.add(handled);
      void handled.finally(() => this.handling.delete(handled));
    });
    socket.on("pong", () => (this.isAlive = true));
  }

  get hostId(): number {
    return this.host.id;
  }

  push(work: TWorkItem[]) {
    this.sendWork(null, work);
  }

  refuse() {
    this.socket.close(SOCKET_CLOSE.REVOKED, "revoked or replaced");
  }

  close(code: number, reason: string) {
    this.socket.close(code, reason);
  }

  /** Called by the gateway's ping round: a peer that answered no ping since the last one is gone. */
  checkAlive() {
    if (!this.isAlive) return void this.socket.terminate();
    this.isAlive = false;
    this.socket.ping();
  }

  /** Offline at once: after the messages in hand, or a heartbeat written after the close would mark it online again. */
  async onClosed() {
    await Promise.allSettled([...this.handling]);
    await markDisconnected(this.host.id, this.presenceId, [...this.unconfirmed]).catch(() => {});
  }

  private async receive(raw: string | null) {
    this.isAlive = true;
    const message = parseMessage(raw);
    if (!message.success) return this.send({ type: "failed", id: message.id, error: { code: "OUT_OF_RANGE", message: message.message } });
    const { data } = message;
    if (data.type === "received") return void data.rowIds.forEach((rowId) => this.unconfirmed.delete(rowId));
    try {
      if (data.type === "heartbeat") {
        if (!(await this.isStillAuthorized())) return;
        const reply = await acceptHeartbeat(this.host, data, this.presenceId);
        const isFirst = this.session === null;
        this.session = data.session ?? this.presenceId;
        this.doesAckWork = data.acksWork;
        this.sendWork(data.id, reply.work, reply.upgrade);
        if (isFirst) this.onReady(this);
        return;
      }
      const { report } = data;
      const isResultsOnly = !report.events.length && !report.managed.length && !report.upgrade;
      const accepted = isResultsOnly ? await this.reports.record(this.host.id, report.results) : (await recordAgentReport(this.host, report)).accepted;
      this.send({ type: "reported", id: data.id, accepted });
    } catch (error) {
      const failure = toApiError(error);
      if (failure.status >= 500) console.error("[procdeck] agent gateway:", error instanceof Error ? error.message : error);
      this.send({ type: "failed", id: data.id, error: { code: failure.kind, message: failure.localized("en") } });
    }
  }

  /** A revoked or re-enrolled agent is dropped (with the reason it prints) instead of being answered. */
  private async isStillAuthorized(): Promise<boolean> {
    try {
      await authenticateAgentHeader(this.authorization);
      return true;
    } catch (error) {
      const failure = toApiError(error);
      if (failure.status !== 401 && failure.status !== 403) throw error;
      // a close reason is at most 123 bytes
      this.socket.close(failure.status === 403 ? SOCKET_CLOSE.REVOKED : SOCKET_CLOSE.UNAUTHENTICATED, failure.localized("en").slice(0, 120));
      return false;
    }
  }

  private sendWork(id: number | null, work: TWorkItem[], upgrade?: TUpgradeOrder) {
    if (this.doesAckWork) for (const item of work) this.unconfirmed.add(item.rowId);
    this.send({ type: "work", id, work, ...(upgrade && { upgrade }) });
  }

  private send(message: TGatewayMessage) {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

type TParsed = { success: true; data: ReturnType<typeof ZAgentSocketMessage.parse> } | { success: false; id: number | null; message: string };

function parseMessage(raw: string | null): TParsed {
  if (raw === null) return { success: false, id: null, message: "messages are JSON text frames" };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { success: false, id: null, message: "the message is not JSON" };
  }
  const parsed = ZAgentSocketMessage.safeParse(json);
  if (parsed.success) return { success: true, data: parsed.data };
  const id = (json as { id?: unknown } | null)?.id;
  return { success: false, id: typeof id === "number" && Number.isInteger(id) ? id : null, message: describeZodIssue(parsed.error.issues[0]).en };
}
