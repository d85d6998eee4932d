// The agent gateway as a process of its own (lib/api/agent-gateway/agent-gateway.ts), as the build
// bundled it (scripts/support/server-bundle.ts; `npm start` or `npm run build` makes the bundle):
//   node --heap-growing-percent=15 --gc-memory-reducer-start-delay-ms=1000 --max-semi-space-size=2 .next/procdeck-server/agent-gateway.mjs --port 3101 [--host 0.0.0.0]
// (the node flags `npm start` and bench:ops give it: GATEWAY_MEMORY_FLAGS in scripts/support/node-memory-flags.ts)
// `npm start` runs one beside its server (scripts/serve.ts hands it the agents' upgrade requests);
// for scale, run several on their own and route AGENT_SOCKET_PATH to them (README, "Running several
// instances"). GET /healthz answers with the number of connected agents.
import "./support/without-source-maps"; // first: before any module is loaded
import http from "node:http";
import { parseArgs } from "node:util";
import { AgentGateway } from "@/lib/api/agent-gateway/agent-gateway";

const { values: args } = parseArgs({ options: { port: { type: "string", default: "3101" }, host: { type: "string" } } });

async function main() {
  const gateway = new AgentGateway();
  const server = http.createServer((req, res) => {
    const isHealth = req.method === "GET" && req.url === "/healthz";
    const body = JSON.stringify(isHealth ? { ok: true, data: { agents: gateway.connectionCount } } : { ok: false, error: { code: "NOT_FOUND", message: "the agent gateway serves only agent sockets" } });
    res.writeHead(isHealth ? 200 : 404, { "content-type": "application/json" }).end(body);
  });
  server.on("upgrade", (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  // listening before the database is reached: a gateway started while PostgreSQL is down waits for it
  server.listen(Number(args.port), args.host, () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : Number(args.port);
    // started by scripts/serve.ts: it learns the port (0 = any free one) over IPC
    if (process.send) process.send({ type: "ready", port });
    else console.log(`✓ agent gateway on ${args.host ?? "*"}:${port}`);
  });

  await gateway.start();

  const stop = () => {
    server.close();
    void gateway.stop().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // the server that started it is gone (even killed with SIGKILL): so is the gateway, or its agents
  // would stay connected to an instance nobody runs
  process.on("disconnect", () => process.exit(0));
}

main().catch((error: unknown) => {
  console.error("agent gateway failed to start:", error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
