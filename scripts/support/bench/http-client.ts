// A minimal keep-alive HTTP client over node:http. The load generator shares 2 cores with the server and
// PostgreSQL, so it uses the cheapest client Node has: fetch (undici) costs noticeably more CPU per request.
import http from "node:http";

export type THttpResponse = { status: number; body: string };

export function createHttpClient(baseUrl: string, connections: number) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });

  const send = (method: "GET" | "POST", path: string, headers: Record<string, string>, body?: string) =>
    new Promise<THttpResponse>((resolve, reject) => {
      const req = http.request({ host: hostname, port, path, method, agent, headers: body === undefined ? headers : { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });

  return {
    get: (path: string, headers: Record<string, string> = {}) => send("GET", path, headers),
    post: (path: string, body: string, headers: Record<string, string> = {}) => send("POST", path, headers, body),
    close: () => agent.destroy(),
  };
}

export type THttpClient = ReturnType<typeof createHttpClient>;
