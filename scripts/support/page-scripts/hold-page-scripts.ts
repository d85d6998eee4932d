// Puts createPageScriptRewriter between Next and the response of a page request: what Next writes as
// text/html goes through it, anything else (a redirect, an RSC payload, a static file) passes as it
// is. The rewriter changes the length, so an HTML reply loses its content-length. Installed after the
// compression (scripts/serve.ts), so the rewriter sees the HTML before it is gzipped.
import type { IncomingMessage, ServerResponse } from "node:http";
import { StringDecoder } from "node:string_decoder";
import { createPageScriptRewriter } from "./rewrite-page-scripts";

type TWriteCallback = (error?: Error | null) => void;

/** True for the requests whose reply can be a page's HTML: GETs outside the API and Next's assets. */
export function isPageRequest(req: IncomingMessage, path: string): boolean {
  return req.method === "GET" && !path.startsWith("/api/") && !path.startsWith("/_next/");
}

export function holdPageScriptsUntilPainted(res: ServerResponse): void {
  // the caller's arguments pass as they were when the reply is not HTML
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  const flushHeaders = res.flushHeaders.bind(res);
  const rewriter = createPageScriptRewriter();
  const decoder = new StringDecoder("utf8");
  let isHtml: boolean | undefined;

  const decide = () => {
    if (isHtml !== undefined) return isHtml;
    isHtml = !res.headersSent && String(res.getHeader("content-type") ?? "").startsWith("text/html");
    if (isHtml) res.removeHeader("content-length");
    return isHtml;
  };
  const read = (chunk: unknown, encoding: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return "";
    if (typeof chunk === "string") return decoder.write(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    const bytes = chunk as Uint8Array;
    return decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };
  const callbackIn = (args: unknown[]) => args.find((arg): arg is TWriteCallback => typeof arg === "function");

  res.flushHeaders = () => {
    decide();
    flushHeaders();
  };
  res.write = ((...args: unknown[]) => {
    if (!decide()) return write(...args);
    const text = rewriter.push(read(args[0], args[1]));
    const done = callbackIn(args.slice(1));
    if (text) return write(text, done);
    if (done) process.nextTick(done);
    return true;
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (!decide()) return end(...args);
    const text = rewriter.push(read(args[0], args[1])) + rewriter.end() + decoder.end();
    return end(text, callbackIn(args));
  }) as typeof res.end;
}
