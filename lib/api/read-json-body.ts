import { ApiError } from "@/lib/api/errors";
import { text } from "@/lib/i18n";

/** Largest request body any API route accepts. A full process with every command at its limit is ~40 KB. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A body over the limit is still read (and dropped) up to this size, so the connection stays usable. */
const DISCARD_MAX_BYTES = 16 * MAX_BODY_BYTES;

/** Reads the body with a hard size cap (streamed, so a huge body is never buffered) and parses JSON. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return undefined;

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await discardRest(reader, size);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const raw = Buffer.concat(chunks).toString("utf8").trim();
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "not JSON";
    throw new ApiError("BAD_JSON", text(reason, reason));
  }
}

// Cancelling mid-body leaves the rest of it on a keep-alive connection, which then breaks the client's
// next request there; reading it to the end (keeping nothing) avoids that for any modest overshoot.
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, size: number) {
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
    if (size > DISCARD_MAX_BYTES) return reader.cancel();
  }
}

function tooLarge() {
  const limit = `${MAX_BODY_BYTES / 1024} KiB`;
  return new ApiError("BODY_TOO_LARGE", text(`the limit is ${limit}`, `上限为 ${limit}`));
}
