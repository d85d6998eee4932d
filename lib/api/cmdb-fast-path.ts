// search_process answered by the HTTP server itself (scripts/serve.ts), before Next's router: it is
// the CMDB call other systems make in bulk, and Next's per-request machinery (routing, the proxy.ts
// pass with its copy of the body, web streams) cost more server CPU than the route's own work
// (bench:search). The reply is the route's: the same TCmdbRoute, wrapper code, checks and envelope.
// Only the plain form of the path comes here; one with percent-encoding or anything unusual in a
// segment goes through Next as before.
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerCmdbRequest, SUPPORTED_VERSION, type TCmdbRoute } from "@/lib/api/cmdb-route";
import { SEARCH_PROCESS_ROUTE } from "@/lib/api/cmdb-routes/search-process";
import { toWebHeaders } from "@/lib/api/node-request-headers";
import { readNodeJsonBody } from "@/lib/api/read-node-json-body";

type TFastMatch = { route: TCmdbRoute; params: Record<string, string> };

// another version goes to the route, which answers it in the envelope
const SEARCH_PATH = new RegExp(`^/api/(${SUPPORTED_VERSION})/proc/search/([A-Za-z0-9_-]{1,64})/([0-9]{1,10})$`);

/** The route and its path parameters when the fast path answers this request, else null (Next does). */
export function matchFastCmdbRequest(method: string, rawPath: string): TFastMatch | null {
  if (method !== "POST") return null;
  const match = SEARCH_PATH.exec(rawPath);
  if (!match) return null;
  return { route: SEARCH_PROCESS_ROUTE, params: { version: match[1], account: match[2], bizId: match[3] } };
}

export async function serveFastCmdbRequest(req: IncomingMessage, res: ServerResponse, { route, params }: TFastMatch): Promise<void> {
  // read from the start, whatever the reply: a body left unread would spoil the keep-alive connection
  const bodyRead = readNodeJsonBody(req);
  const reply = await answerCmdbRequest(route, {
    method: "POST",
    params,
    meta: { headers: toWebHeaders(req), url: `http://localhost${req.url ?? "/"}` },
    readBody: async () => {
      const body = await bodyRead;
      if ("error" in body) throw body.error;
      return body.value;
    },
  });
  const body = await bodyRead;
  const isConnectionSpoiled = "error" in body && body.isConnectionSpoiled;
  res.writeHead(reply.status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(reply.body),
    ...(reply.allow ? { allow: reply.allow } : {}),
    ...(isConnectionSpoiled ? { connection: "close" } : {}),
  });
  res.end(reply.body);
  if (isConnectionSpoiled) res.once("finish", () => req.socket.destroy());
}
