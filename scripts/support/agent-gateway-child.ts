// `npm start`'s agent gateway: a child process of the HTTP server (scripts/agent-gateway.ts), which
// gets the upgrade requests of AGENT_SOCKET_PATH piped through. It is started again when it dies, and
// it ends with the server (it watches its IPC channel).
import { spawn, type ChildProcess } from "node:child_process";
import type http from "node:http";
import net from "node:net";
import type { Duplex } from "node:stream";
import { formatUpgradeRefusal } from "@/lib/protocol/agent-socket";
import { GATEWAY_MEMORY_FLAGS } from "./node-memory-flags";
import { isRunningBundled, programArgs } from "./server-programs";

const RESTART_DELAY_MS = 1000;

export type TGatewayChild = { proxyUpgrade: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => void; stop: () => void };

export function startGatewayChild(): TGatewayChild {
  let child: ChildProcess | null = null;
  let port: number | null = null;
  let isStopping = false;

  const launch = () => {
    port = null;
    // the bundled gateway beside the bundled server, the TypeScript one beside `--dev`'s
    const program = programArgs("agent-gateway", { isDev: !isRunningBundled() });
    child = spawn(process.execPath, [...GATEWAY_MEMORY_FLAGS, ...program, "--port", "0", "--host", "127.0.0.1"], { stdio: ["ignore", "inherit", "inherit", "ipc"], env: process.env });
    child.on("message", (message: { type?: string; port?: number }) => {
      if (message.type === "ready" && typeof message.port === "number") port = message.port;
    });
    child.on("exit", (code, signal) => {
      child = null;
      port = null;
      if (isStopping) return;
      console.error(`[procdeck] the agent gateway stopped (${signal ?? `exit ${code}`}); starting it again (agents use the long-poll meanwhile)`);
      setTimeout(launch, RESTART_DELAY_MS).unref();
    });
  };
  launch();

  const proxyUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    if (port === null) return void socket.end(formatUpgradeRefusal(503, "UNAVAILABLE", "the agent gateway is starting; use the long-poll meanwhile"));
    const upstream = net.connect(port, "127.0.0.1", () => {
      const headerLines: string[] = [];
      for (let i = 0; i < req.rawHeaders.length; i += 2) headerLines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headerLines.join("\r\n")}\r\n\r\n`);
      if (head.length) upstream.write(head);
      socket.pipe(upstream).pipe(socket);
    });
    upstream.setNoDelay(true);
    upstream.on("error", () => socket.destroy());
    upstream.on("close", () => socket.destroy());
    socket.on("close", () => upstream.destroy());
  };

  const stop = () => {
    isStopping = true;
    child?.kill("SIGTERM");
  };
  return { proxyUpgrade, stop };
}
