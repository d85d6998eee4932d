// The agent's HTTP calls to the server. Every reply is {ok, data | error}.
import type { TAgentReply, TEnrollReply, TEnrollRequest, TPollReply, TPollRequest, TReportRequest } from "@/lib/protocol/agent-protocol";

export class AgentRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class ServerClient {
  constructor(private readonly baseUrl: string) {}

  enroll(request: TEnrollRequest) {
    return this.call<TEnrollReply>("/api/agent/v1/enroll", undefined, request, 15_000);
  }

  poll(token: string, request: TPollRequest) {
    return this.call<TPollReply>("/api/agent/v1/poll", token, request, request.waitMs + 15_000);
  }

  report(token: string, request: TReportRequest) {
    return this.call<{ accepted: number }>("/api/agent/v1/report", token, request, 15_000);
  }

  private async call<T>(path: string, token: string | undefined, body: unknown, timeoutMs: number): Promise<T> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const reply = (await response.json().catch(() => null)) as TAgentReply<T> | null;
    if (reply?.ok) return reply.data;
    if (reply && !reply.ok && response.status >= 400 && response.status < 500) throw new AgentRefusedError(response.status, reply.error.code, reply.error.message);
    throw new Error(`server answered ${response.status}${reply && !reply.ok ? `: ${reply.error.message}` : ""}`);
  }
}
