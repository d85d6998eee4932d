// POST /api/agent/v1/poll — heartbeat + managed list in, queued work out (long-poll up to 25 s)
import { defineAgentRoute } from "@/lib/api/agent-route";
import { ZPollRequest } from "@/lib/protocol/agent-protocol";
import { pollAgentWork } from "@/lib/operations/poll-agent-work";

export const POST = defineAgentRoute(ZPollRequest, ({ host, input, signal }) => pollAgentWork(host, input, signal));
