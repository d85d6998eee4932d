import { assertStorableJson, toStorableJson } from "@/lib/api/clean-text";
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";

/** Largest request body an API route accepts unless it says otherwise. A full process with every command at its limit is ~40 KB. */
export const MAX_BODY_BYTES = 256 * 1024;
/** No route may raise its own cap above this (a CSV import of a few thousand lines fits well inside). */
export const MAX_BODY_BYTES_CEILING = 8 * 1024 * 1024;
/** A body over the limit is still read (and dropped) up to this many times the limit, so the connection stays usable. */
export const DISCARD_FACTOR = 16;

export type TReadJsonBodyOptions = {
  /** this route's cap in bytes (default MAX_BODY_BYTES, at most MAX_BODY_BYTES_CEILING) */
  maxBytes?: number;
  /**
   * Text PostgreSQL cannot store (NUL, lone surrogates): "refuse" (default) answers 400 naming the
   * place; "replace" drops NUL and replaces lone surrogates (the agent protocol, whose reports carry
   * raw command output)
   */
  unstorableText?: "refuse" | "replace";
};

/**
 * Reads the body with a hard size cap (streamed, so a huge body is never buffered) and parses JSON.
 * Every route that reads a body goes through here; none reads req.json()/req.text() itself.
 */
export async function readJsonBody(req: Request, options: TReadJsonBodyOptions = {}): Promise<unknown> {
  const maxBytes = bodyCapOf(options);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return undefined;

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await readChunk(reader);
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await discardRest(reader, size, maxBytes * DISCARD_FACTOR);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return parseJsonBody(Buffer.concat(chunks), options);
}

/** The body's bytes as JSON (undefined when blank), checked for text PostgreSQL cannot store. */
export function parseJsonBody(bytes: Buffer, options: TReadJsonBodyOptions = {}): unknown {
  const raw = bytes.toString("utf8").trim();
  if (raw === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : "not JSON";
    throw new ApiError("BAD_JSON", text(reason, reason));
  }
  if (options.unstorableText === "replace") return toStorableJson(parsed);
  assertStorableJson(parsed, "body");
  return parsed;
}

/** A body the client stopped sending (reset, hang-up) is a bad request, not a server fault. */
async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>) {
  try {
    return await reader.read();
  } catch {
    throw new ApiError("BAD_JSON", text("the request body was cut off", "请求体不完整"));
  }
}

// Cancelling mid-body leaves the rest of it on a keep-alive connection, which then breaks the client's
// next request there; reading it to the end (keeping nothing) avoids that for any modest overshoot.
async function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, size: number, discardMax: number) {
  for (;;) {
    const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
    if (done || !value) return;
    size += value.byteLength;
    if (size > discardMax) return reader.cancel();
  }
}

/** The cap a route's options give (MAX_BODY_BYTES unless raised, never above the ceiling). */
export function bodyCapOf(options: TReadJsonBodyOptions): number {
  return Math.min(options.maxBytes ?? MAX_BODY_BYTES, MAX_BODY_BYTES_CEILING);
}

export function tooLarge(maxBytes: number) {
  const limit = maxBytes % (1024 * 1024) === 0 ? `${maxBytes / 1024 / 1024} MiB` : `${Math.round(maxBytes / 1024)} KiB`;
  return new ApiError("BODY_TOO_LARGE", text(`the limit is ${limit}`, `上限为 ${limit}`));
}
