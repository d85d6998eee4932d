// The compression Next applies to what it serves (the `compression` middleware it vendors: gzip or
// deflate as the client accepts, above 1 kB), applied by scripts/serve.ts instead of Next's router
// (next.config.ts: `compress: false`), so that holdPageScriptsUntilPainted can sit between Next and
// it and rewrite the HTML before it is compressed.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";

type TMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const require = createRequire(import.meta.url);
const createCompression = require("next/dist/compiled/compression") as () => TMiddleware;
const { releaseCompressionStream } = require("next/dist/server/lib/release-compression-stream") as { releaseCompressionStream: (res: ServerResponse) => void };

const compress = createCompression();

export function compressReply(req: IncomingMessage, res: ServerResponse): void {
  compress(req, res, () => {});
  // a client gone before the end leaves the middleware's zlib stream open; Next ends it the same way
  res.once("close", () => {
    if (!res.writableFinished) releaseCompressionStream(res);
  });
}
