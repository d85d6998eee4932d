// How the server hands a page over (scripts/serve.ts, scripts/support/page-scripts/): compressed as
// Next compressed it, with the page's chunk scripts queued to load after its first paint, and its CSS
// inside the HTML, so nothing stands between the HTML and the page being painted.
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { BASE_URL } from "./support/cmdb-client";

type TRawReply = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function getRaw(path: string, headers: Record<string, string> = {}): Promise<TRawReply> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, BASE_URL), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const CHUNK_SCRIPT = /<script\b[^>]*\bsrc="\/_next\/static\/[^"]+\.js"[^>]*\basync=""[^>]*><\/script>|<script\b[^>]*\basync=""[^>]*\bsrc="\/_next\/static\/[^"]+\.js"/;

describe("a page's delivery", () => {
  it("comes gzipped when the client accepts it, with its chunk scripts queued and its CSS inline", async () => {
    const reply = await getRaw("/sign-in", { "accept-encoding": "gzip, deflate" });
    expect(reply.status).toBe(200);
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(reply.headers["content-length"]).toBeUndefined();
    const html = gunzipSync(reply.body).toString("utf8");
    expect(html).toContain("Sign in");
    expect(html).not.toMatch(CHUNK_SCRIPT);
    expect(html).not.toMatch(/<link[^>]*rel="preload"[^>]*as="script"/);
    const queued = [...html.matchAll(/__procdeckPageScripts\.push\("(\/_next\/static\/[^"]+\.js)"\)/g)].map((match) => match[1]);
    expect(queued.length).toBeGreaterThan(3);
    // the queued chunks are the server's own, and load
    const chunk = await getRaw(queued[queued.length - 1], { "accept-encoding": "gzip" });
    expect(chunk.status).toBe(200);
    expect(gunzipSync(chunk.body).length).toBeGreaterThan(100);
    expect(html).toMatch(/<style[^>]*>[^<]*--font-sans/);
    expect(html).not.toMatch(/<link[^>]*rel="stylesheet"/);
  });

  it("comes as plain HTML to a client that accepts no encoding", async () => {
    const reply = await getRaw("/sign-in");
    expect(reply.headers["content-encoding"]).toBeUndefined();
    const html = reply.body.toString("utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("__procdeckPageScripts");
  });
});
