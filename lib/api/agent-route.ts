// Every agent-protocol route: size-capped JSON body, zod parse, agent-token auth (only agent tokens:
// app credentials and console sessions are refused here), one lib/ call, {ok,data} envelope.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { agentFailure, agentSuccess } from "@/lib/api/agent-envelope";
import { ApiError, toApiError } from "@/lib/core/errors";
import { describeZodIssue } from "@/lib/core/describe-zod-issue";
import { readJsonBody } from "@/lib/api/read-json-body";
import { authenticateAgent, type TAgentHost } from "@/lib/operations/agent-token";

type TAgentHandler<TSchema extends z.ZodType> = (context: { host: TAgentHost; input: z.infer<TSchema>; signal: AbortSignal }) => Promise<unknown>;

/** Command output may hold NUL or a cut character: stored made-safe, never refused (lib/api/clean-text.ts). */
const AGENT_BODY = { unstorableText: "replace" } as const;

export function defineAgentRoute<TSchema extends z.ZodType>(schema: TSchema, handler: TAgentHandler<TSchema>) {
  return async (req: NextRequest): Promise<Response> => {
    try {
      const host = await authenticateAgent(req);
      const input = parseInput(schema, await readJsonBody(req, AGENT_BODY));
      return agentSuccess(await handler({ host, input, signal: req.signal }));
    } catch (error) {
      return req.signal.aborted ? clientGone() : agentFailure(toApiError(error));
    }
  };
}

/** Enrolment is the one agent route without an agent token: it is how a host gets one. */
export function defineEnrollRoute(handler: (body: unknown) => Promise<unknown>) {
  return async (req: NextRequest): Promise<Response> => {
    try {
      return agentSuccess(await handler(await readJsonBody(req, AGENT_BODY)));
    } catch (error) {
      return req.signal.aborted ? clientGone() : agentFailure(toApiError(error));
    }
  };
}

function parseInput<TSchema extends z.ZodType>(schema: TSchema, body: unknown): z.infer<TSchema> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw new ApiError("OUT_OF_RANGE", describeZodIssue(parsed.error.issues[0]));
  return parsed.data;
}

/**
 * The agent hung up (its own timeout, a restart) while its request was read or served: nobody reads
 * this reply, and the error it caused is no server fault worth logging. 499 as nginx logs it.
 */
function clientGone() {
  return new Response(null, { status: 499 });
}
