// The HTTP server of `npm start` and `npm test`: Next's request handler behind a thin layer, because
// some replies are made before any route or proxy.ts code runs, and a route handler never learns the
// socket's address. For every request this layer
// - sets the security headers (proxy.ts refines them per request; Next's own early replies, such as
//   its 308 for "//" in a path, keep these);
// - names the socket's peer in x-procdeck-client-ip, overwriting whatever the client sent, so sign-in
//   throttling has a client address a client cannot choose (lib/access/client-origin.ts);
// - answers what Next would answer outside the surface's envelope (lib/api/early-reply.ts);
// - answers search_process itself, before Next's router (lib/api/cmdb-fast-path.ts).
//   tsx scripts/serve.ts --port 3000 [--host 127.0.0.1] [--dev]
import "./support/without-source-maps"; // first: before any module is loaded
import { EventEmitter } from "node:events";
import http from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import type { ApiError } from "@/lib/core/errors";
import { API_CSP, securityHeaders } from "@/lib/api/security-headers";
import { toWebHeaders } from "@/lib/api/node-request-headers";
import { AGENT_SOCKET_PATH, formatUpgradeRefusal } from "@/lib/protocol/agent-socket";
import { loadApiRouteTable } from "./support/api-route-table";
import { startGatewayChild } from "./support/agent-gateway-child";
import { resolveServerOnlyAsEmpty } from "./support/server-only-hook";
import { compressReply } from "./support/page-scripts/compress-replies";
import { holdPageScriptsUntilPainted, isPageRequest } from "./support/page-scripts/hold-page-scripts";

// Loaded once Next has set up its server environment: the envelopes use next/server, which expects it.
const loadEnvelopes = async () => ({ ...(await import("@/lib/api/early-reply")), ...(await import("@/lib/api/surface-failure")), ...(await import("@/lib/api/cmdb-fast-path")) });
// the same value as lib/access/client-origin.ts's CLIENT_IP_HEADER (kept literal: that module reads the env)
const CLIENT_IP_HEADER = "x-procdeck-client-ip";

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const isDev = args.includes("--dev");
const port = Number(option("--port") ?? process.env.PORT ?? 3000);
const hostname = option("--host");

async function main() {
  const startedAt = Date.now();
  resolveServerOnlyAsEmpty(); // before loadEnvelopes imports the fast path
  // Next attaches an upgrade listener to the server of its first request, which would take every
  // upgrade (the agents' too) for itself: it gets a stand-in, and this server hands it only the
  // upgrades that are its own (the dev server's hot reload)
  const upgradesForNext = new EventEmitter() as http.Server;
  const app = next({ dev: isDev, dir: process.cwd(), port, hostname: hostname ?? "localhost", httpServer: upgradesForNext });
  await app.prepare();
  const handle = app.getRequestHandler();
  const routes = loadApiRouteTable();
  const { decideEarlyReply, surfaceFailure, matchFastCmdbRequest, serveFastCmdbRequest } = await loadEnvelopes();

  const server = http.createServer((req, res) => {
    const rawPath = (req.url ?? "/").split("?")[0];
    const isHttps = req.headers["x-forwarded-proto"] === "https";
    for (const [name, value] of Object.entries(securityHeaders(API_CSP, isHttps))) res.setHeader(name, value);
    req.headers[CLIENT_IP_HEADER] = normaliseAddress(req.socket.remoteAddress);

    const early = decideEarlyReply(req.method ?? "GET", rawPath, routes);
    if (!early) {
      const fast = matchFastCmdbRequest(req.method ?? "GET", rawPath);
      if (fast) return void serveFastCmdbRequest(req, res, fast);
      compressReply(req, res);
      if (!isDev && isPageRequest(req, rawPath)) holdPageScriptsUntilPainted(res);
      return void handle(req, res);
    }
    if (early.type === "page-method") {
      res.writeHead(405, { allow: early.allow, "content-type": "text/plain; charset=utf-8" });
      return void res.end("method not allowed\n");
    }
    if (early.type === "options") {
      res.writeHead(204, { allow: early.allow });
      return void res.end();
    }
    void sendFailure(req, res, surfaceFailure(rawPath, early.error, toWebHeaders(req)), early.allow);
  });
  // what Node's HTTP parser itself refuses (an unknown method such as CONNECTX, a malformed request
  // line or header): answered in the envelope of the path's surface when the request line names one
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    if (!socket.writable) return;
    void parserRefusal(error, surfaceFailure).then((raw) => socket.end(raw), () => socket.destroy());
  });
  const gateway = process.env.PROCDECK_AGENT_GATEWAY === "off" ? null : startGatewayChild();
  server.on("upgrade", (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const rawPath = (req.url ?? "/").split("?")[0];
    if (rawPath === AGENT_SOCKET_PATH && gateway) return gateway.proxyUpgrade(req, socket, head);
    // Next's own (the dev server's hot reload), once its first request has set its listener up
    if (rawPath !== AGENT_SOCKET_PATH && upgradesForNext.emit("upgrade", req, socket, head)) return;
    // answered, so an agent knows to long-poll instead of taking the server for down
    socket.end(formatUpgradeRefusal(404, "NOT_FOUND", "this server takes no socket here; agents use /api/agent/v1/poll"));
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`✓ Ready in ${Date.now() - startedAt}ms on http://${hostname ?? "localhost"}:${port}`));

  const stop = () => {
    gateway?.stop();
    server.close();
    void app.close?.().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

async function parserRefusal(error: NodeJS.ErrnoException & { rawPacket?: Buffer }, surfaceFailure: (path: string, error: ApiError, headers: Headers) => Response): Promise<string> {
  const { ApiError } = await import("@/lib/core/errors");
  const { text } = await import("@/lib/core/i18n");
  const requestLine = (error.rawPacket?.toString("latin1") ?? "").split("\r\n")[0];
  const [method = "", target = "/"] = requestLine.split(" ");
  const path = target.split("?")[0];
  const isMethod = error.code === "HPE_INVALID_METHOD";
  const refusal = isMethod
    ? new ApiError("METHOD_NOT_ALLOWED", text(`${method.replace(/[^A-Z0-9_-]/gi, "").slice(0, 20)} is not an HTTP method this server knows`, "不支持的 HTTP 方法"))
    : new ApiError("BAD_PATH_PARAM", text("malformed HTTP request", "HTTP 请求格式错误"));
  const reply = path.startsWith("/api") ? surfaceFailure(path, refusal, new Headers()) : new Response("bad request\n", { status: refusal.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  const body = Buffer.from(await reply.arrayBuffer());
  const headers = { ...securityHeaders(API_CSP, false), "content-type": reply.headers.get("content-type") ?? "text/plain", "content-length": String(body.length), connection: "close", ...(isMethod ? { allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" } : {}) };
  const head = [`HTTP/1.1 ${reply.status} ${isMethod ? "Method Not Allowed" : "Bad Request"}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join("\r\n");
  return `${head}\r\n\r\n${body.toString("utf8")}`;
}

/** The largest body read (and dropped) before an early reply; beyond it the connection is closed. */
const MAX_DRAINED_BYTES = 1024 * 1024;

async function sendFailure(req: http.IncomingMessage, res: http.ServerResponse, reply: Response, allow: string) {
  const body = Buffer.from(await reply.arrayBuffer());
  const replyHeaders: Record<string, string> = Object.fromEntries(reply.headers.entries());
  if (allow) replyHeaders.allow = allow;
  // read the request body to its end first: bytes left unread on a keep-alive connection would be
  // parsed as the next request there (and answered 400 to whoever sends it)
  const isDrained = await drain(req);
  if (!isDrained) replyHeaders.connection = "close";
  res.writeHead(reply.status, replyHeaders);
  res.end(req.method === "HEAD" ? undefined : body);
  if (!isDrained) res.once("finish", () => req.socket.destroy());
}

function drain(req: http.IncomingMessage): Promise<boolean> {
  return new Promise((resolve) => {
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAINED_BYTES) {
        req.pause();
        resolve(false);
      }
    });
    req.on("end", () => resolve(true));
    req.on("error", () => resolve(false));
  });
}

/** "::ffff:127.0.0.1" → "127.0.0.1", so one client has one key whichever way it connected. */
function normaliseAddress(address: string | undefined): string {
  if (!address) return "";
  return address.startsWith("::ffff:") ? address.slice(7) : address;
}

main().catch((error: unknown) => {
  console.error("Procdeck server failed to start:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
