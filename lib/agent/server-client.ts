// The agent's HTTP calls to the server. Every reply is {ok, data | error}, and is checked against the
// protocol (lib/protocol/agent-protocol.ts) before the agent acts on it.
import type { z } from "zod";
import {
  ZAgentReply,
  ZEnrollReply,
  ZPollReply,
  ZReportReply,
  type TAgentReply,
  type TEnrollRequest,
  type TPollRequest,
  type TReportRequest,
} from "@/lib/protocol/agent-protocol";

export class AgentRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Talks to one server of a list (`--server a,b`: instances behind no load balancer) and stays with it
 * while it answers; a call that cannot reach it or that it fails with a 5xx moves the next call to the
 * next server. Refusals (4xx) are answers, not failures: they never move it.
 */
export class ServerClient {
  private current = 0;

  constructor(private readonly baseUrls: readonly string[]) {
    if (!baseUrls.length) throw new Error("no server URL");
  }

  get serverUrl(): string {
    return this.baseUrls[this.current];
  }

  get serverCount(): number {
    return this.baseUrls.length;
  }

  /** The current server cannot be reached (its socket failed): the next calls go to the next one. */
  moveToNextServer() {
    this.current = (this.current + 1) % this.baseUrls.length;
  }

  enroll(request: TEnrollRequest) {
    return this.call(ZEnrollReply, "/api/agent/v1/enroll", undefined, request, 15_000);
  }

  poll(token: string, request: TPollRequest) {
    return this.call(ZPollReply, "/api/agent/v1/poll", token, request, request.waitMs + 15_000);
  }

  report(token: string, request: TReportRequest) {
    return this.call(ZReportReply, "/api/agent/v1/report", token, request, 15_000);
  }

  private async call<TData extends z.ZodType>(data: TData, path: string, token: string | undefined, body: unknown, timeoutMs: number): Promise<z.infer<TData>> {
    const server = this.current;
    try {
      return await this.callOnce(data, new URL(path, this.baseUrls[server]), token, body, timeoutMs);
    } catch (error) {
      if (!(error instanceof AgentRefusedError) && this.current === server) this.current = (server + 1) % this.baseUrls.length;
      throw error;
    }
  }

  private async callOnce<TData extends z.ZodType>(data: TData, url: URL, token: string | undefined, body: unknown, timeoutMs: number): Promise<z.infer<TData>> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const json: unknown = await response.json().catch(() => null);
    // not JSON at all: a proxy's error page, a server still starting
    if (json === null) throw new Error(`server answered ${response.status}`);
    const parsed = ZAgentReply(data).safeParse(json);
    if (!parsed.success) throw new Error(`server answered ${response.status} outside the agent protocol (${describeIssue(parsed.error.issues[0])})`);
    // zod cannot narrow a union over a generic schema; the parse above checked exactly this shape
    const reply = parsed.data as TAgentReply<z.infer<TData>>;
    if (reply.ok) return reply.data;
    if (response.status >= 400 && response.status < 500) throw new AgentRefusedError(response.status, reply.error.code, reply.error.message);
    throw new Error(`server answered ${response.status}: ${reply.error.message}`);
  }
}

function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "unreadable";
  return `${issue.path.length ? issue.path.join(".") : "reply"}: ${issue.message}`;
}
