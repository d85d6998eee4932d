import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/core/errors";
import { MAX_BODY_BYTES, MAX_BODY_BYTES_CEILING, readJsonBody } from "@/lib/api/read-json-body";

function streamed(text: string): Request {
  const bytes = new TextEncoder().encode(text);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let offset = 0; offset < bytes.length; offset += 16 * 1024) controller.enqueue(bytes.subarray(offset, offset + 16 * 1024));
      controller.close();
    },
  });
  return new Request("http://x/api", { method: "POST", body, duplex: "half" } as RequestInit);
}

function jsonOfSize(bytes: number): string {
  const prefix = '{"csv":"';
  return `${prefix}${"a".repeat(bytes - prefix.length - 2)}"}`;
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("readJsonBody", () => {
  it("parses a body up to the default cap", async () => {
    expect(await readJsonBody(streamed(jsonOfSize(MAX_BODY_BYTES)))).toEqual({ csv: expect.any(String) });
  });

  it("refuses one byte more with 413, streamed or declared", async () => {
    expect((await refusal(readJsonBody(streamed(jsonOfSize(MAX_BODY_BYTES + 1))))).status).toBe(413);
    const declared = new Request("http://x/api", { method: "POST", body: jsonOfSize(MAX_BODY_BYTES + 1) });
    const error = await refusal(readJsonBody(declared));
    expect(error.kind).toBe("BODY_TOO_LARGE");
    expect(error.localized("en")).toMatch(/256 KiB/);
  });

  it("takes a route's own cap, up to the ceiling", async () => {
    const body = jsonOfSize(1024 * 1024);
    expect(await readJsonBody(streamed(body), { maxBytes: 2 * 1024 * 1024 })).toEqual({ csv: expect.any(String) });
    expect((await refusal(readJsonBody(streamed(body), { maxBytes: 512 * 1024 }))).localized("en")).toMatch(/512 KiB/);
    const error = await refusal(readJsonBody(streamed(jsonOfSize(MAX_BODY_BYTES_CEILING + 1)), { maxBytes: 64 * 1024 * 1024 }));
    expect(error.localized("en")).toMatch(/8 MiB/);
  });

  it("answers undefined for no body and BAD_JSON for broken JSON", async () => {
    expect(await readJsonBody(new Request("http://x/api", { method: "POST" }))).toBeUndefined();
    expect((await refusal(readJsonBody(streamed("{nope")))).kind).toBe("BAD_JSON");
  });
});
