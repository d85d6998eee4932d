// The agent's persistent connection: one WebSocket per agent to the agent gateway
// (lib/api/agent-gateway/), beside the HTTP long-poll it falls back to. JSON text frames, one message
// each. The agent says who it is once, in the upgrade request (Authorization: Bearer <agent token>);
// afterwards
// - the agent sends a heartbeat when it connects and every HEARTBEAT_INTERVAL_MS (the poll's fields,
//   without the wait), and reports with an id the gateway acknowledges;
// - the gateway pushes work the moment it is queued (and answers every heartbeat with the work the
//   agent should hold), acknowledges reports, and closes with a code below when the agent must stop;
// - the agent confirms each work message's rows as it takes them ("received", no answer). When the
//   connection closes, the rows it was sent and never confirmed go back to the queue: work written to
//   a socket whose agent had just died then ends "agent offline" (117) with its host, not at its
//   deadline. Agents that do not say `acksWork` confirm nothing, and their rows wait as before.
import { STATUS_CODES } from "node:http";
import { z } from "zod";
import { MAX_MANAGED, ZPollRequest, ZReportRequest, ZRowId, ZUpgradeOrder, ZWorkItem, ZAgentError } from "@/lib/protocol/agent-protocol";

export const AGENT_SOCKET_PATH = "/api/agent/v1/socket";
/** Under AGENT_OFFLINE_AFTER_SECS with room for one lost heartbeat. */
export const HEARTBEAT_INTERVAL_MS = 20_000;
/** The gateway pings this often; a peer silent for two intervals is dropped (a cut network shows no FIN). */
export const PING_INTERVAL_MS = 15_000;
/** A message larger than this closes the connection (1009): the HTTP routes' own ceiling. */
export const MAX_SOCKET_MESSAGE_BYTES = 8 * 1024 * 1024;

/** Why the gateway closed the connection (the 4000–4999 range is the application's). */
export const SOCKET_CLOSE = {
  /** the token is unknown or was replaced by a new enrolment */
  UNAUTHENTICATED: 4001,
  /** the agent was revoked */
  REVOKED: 4003,
  /** the gateway is shutting down: connect again (to another instance) */
  GOING_AWAY: 1001,
} as const;

export const ZSocketHeartbeat = ZPollRequest.omit({ waitMs: true }).extend({
  type: z.literal("heartbeat"),
  id: z.number().int().min(0),
  /** this agent confirms the rows it receives ("received"); absent from older agents */
  acksWork: z.boolean().default(false),
});
export type TSocketHeartbeat = z.input<typeof ZSocketHeartbeat>;

export const ZSocketReport = z.object({ type: z.literal("report"), id: z.number().int().min(0), report: ZReportRequest });
export type TSocketReport = z.input<typeof ZSocketReport>;

/** The rows of a work message, taken by the agent; the gateway answers nothing. */
export const ZSocketReceived = z.object({ type: z.literal("received"), rowIds: z.array(ZRowId).max(MAX_MANAGED) });
export type TSocketReceived = z.input<typeof ZSocketReceived>;

export const ZAgentSocketMessage = z.discriminatedUnion("type", [ZSocketHeartbeat, ZSocketReport, ZSocketReceived]);
export type TAgentSocketMessage = z.infer<typeof ZAgentSocketMessage>;

export const ZGatewayMessage = z.discriminatedUnion("type", [
  /** the answer to heartbeat `id`, or (id null) work pushed the moment it was queued */
  z.object({ type: z.literal("work"), id: z.number().int().nullable(), work: z.array(ZWorkItem), upgrade: ZUpgradeOrder.optional() }),
  z.object({ type: z.literal("reported"), id: z.number().int(), accepted: z.number().int() }),
  /** a message the gateway could not take (id: the heartbeat's or report's, when it had one): send it again or fix it */
  z.object({ type: z.literal("failed"), id: z.number().int().nullable(), error: ZAgentError }),
]);
export type TGatewayMessage = z.infer<typeof ZGatewayMessage>;

/** ws://… for http://…, wss://… for https://…: the gateway sits behind the same address as the server. */
export function toSocketUrl(serverUrl: string): string {
  const url = new URL(AGENT_SOCKET_PATH, serverUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  return url.toString();
}

/**
 * An upgrade refused before any socket exists, written straight to the connection: the agent
 * envelope ({ok:false,error}) in a whole HTTP response that closes the connection.
 */
export function formatUpgradeRefusal(status: number, code: string, message: string): string {
  const body = JSON.stringify({ ok: false, error: { code, message } });
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? "Error"}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`;
}
