// readJsonBody for a request answered straight from Node's HTTP server (lib/api/cmdb-fast-path.ts):
// the same cap, the same errors and the same parse, read from the socket without web streams.
import type { IncomingMessage } from "node:http";
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";
import { bodyCapOf, DISCARD_FACTOR, parseJsonBody, tooLarge, type TReadJsonBodyOptions } from "@/lib/api/read-json-body";

export type TNodeBody = { value: unknown } | { error: unknown; isConnectionSpoiled: boolean };

/**
 * Never rejects. `isConnectionSpoiled`: the body was left unread (far over the cap, or cut off), so
 * the reply must close the connection; bytes left on a keep-alive connection would be parsed as the
 * client's next request.
 */
export function readNodeJsonBody(req: IncomingMessage, options: TReadJsonBodyOptions = {}): Promise<TNodeBody> {
  const maxBytes = bodyCapOf(options);
  const declared = Number(req.headers["content-length"] ?? "0");
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let isOver = declared > maxBytes;
    const finish = (result: TNodeBody) => {
      req.removeAllListeners("data");
      resolve(result);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) isOver = true;
      if (!isOver) return void chunks.push(chunk);
      chunks.length = 0;
      // a modest overshoot is read to its end (and dropped) so the connection stays usable
      if (size > maxBytes * DISCARD_FACTOR) {
        req.pause();
        finish({ error: tooLarge(maxBytes), isConnectionSpoiled: true });
      }
    });
    req.once("end", () => {
      if (isOver) return finish({ error: tooLarge(maxBytes), isConnectionSpoiled: false });
      try {
        finish({ value: parseJsonBody(Buffer.concat(chunks), options) });
      } catch (error) {
        finish({ error, isConnectionSpoiled: false });
      }
    });
    req.once("error", () => finish({ error: new ApiError("BAD_JSON", text("the request body was cut off", "请求体不完整")), isConnectionSpoiled: true }));
  });
}
