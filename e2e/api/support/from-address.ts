// HTTP requests from a chosen loopback address (127.0.0.2, 127.0.0.3…), so a test is its own client
// as far as the server's socket address goes: throttling tests and the fuzz test never count against
// 127.0.0.1, where the rest of the suite signs in.
import http from "node:http";
import { BASE_URL } from "./cmdb-client";

export type TRawReply = { status: number; headers: http.IncomingHttpHeaders; text: string };

const agents = new Map<string, http.Agent>();

function agentFor(localAddress: string): http.Agent {
  let agent = agents.get(localAddress);
  if (!agent) {
    agent = new http.Agent({ keepAlive: true, maxSockets: 8, localAddress });
    agents.set(localAddress, agent);
  }
  return agent;
}

/** One request from `localAddress`; the body is sent as given (a string or bytes). */
export function requestFrom(localAddress: string, method: string, path: string, options: { headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {}): Promise<TRawReply> {
  // the path goes out exactly as given ("//api/…" included), so host and port come from the base alone
  const url = new URL(BASE_URL);
  // Node sends DELETE / OPTIONS / TRACE bodies neither chunked nor with a length unless told: say it
  const headers = { ...options.headers, ...(options.body === undefined ? {} : { "content-length": String(Buffer.byteLength(options.body)) }) };
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path, method, headers, agent: agentFor(localAddress), timeout: options.timeoutMs ?? 20_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A loopback address of the test's own: 127.0.<a>.<b>, from a seed. */
export function loopbackAddress(seed: number): string {
  return `127.0.${2 + (Math.floor(seed / 250) % 250)}.${2 + (seed % 250)}`;
}
