// search_process is answered by the HTTP server before Next's router when its path is plain
// (lib/api/cmdb-fast-path.ts); the same path with a percent-encoded segment still goes through Next's
// route. Every reply a client can get must be the same either way: status, envelope text, headers.
import { describe, expect, it } from "vitest";
import { BASE_URL, cmdb, DEMO_BIZ, type TCmdbReply } from "./support/cmdb-client";
import { appAuthHeaders, createApp } from "./support/principals";

// "%30" is "0": Next decodes it into the same bk_supplier_account; the fast path takes no encoded segment
const FAST = (bizId: number) => `/api/v3/proc/search/0/${bizId}`;
const THROUGH_NEXT = (bizId: number) => `/api/v3/proc/search/%30/${bizId}`;
// differ per reply or per connection; the framing (the fast path knows its length, Next streams
// chunked); and Next's "vary: rsc, next-router-…", which concerns its page router, not an API reply
const UNCOMPARED_HEADERS = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding", "vary"]);

type TCall = (path: string) => Promise<TCmdbReply>;

function headersOf(reply: TCmdbReply): Record<string, string> {
  return Object.fromEntries([...reply.headers.entries()].filter(([name]) => !UNCOMPARED_HEADERS.has(name)));
}

async function expectSameReply(call: TCall, bizId = DEMO_BIZ): Promise<TCmdbReply> {
  const fast = await call(FAST(bizId));
  const next = await call(THROUGH_NEXT(bizId));
  expect(fast.status).toBe(next.status);
  expect(fast.text).toBe(next.text);
  expect(headersOf(fast)).toEqual(headersOf(next));
  expect(Number(fast.headers.get("content-length"))).toBe(Buffer.byteLength(fast.text));
  return fast;
}

describe("search_process on the server's fast path answers exactly as Next's route", () => {
  it("a page of processes", async () => {
    const reply = await expectSameReply((path) => cmdb("POST", path, { body: { fields: ["bk_process_id", "bk_process_name"], page: { limit: 5, sort: "bk_process_id" } } }));
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(true);
    expect((reply.body.data as { info: unknown[] }).info.length).toBeGreaterThan(0);
    // the two really took different ways: only Next's route adds its router's Vary
    expect(reply.headers.get("vary")).toBeNull();
    const next = await cmdb("POST", THROUGH_NEXT(DEMO_BIZ), { body: {} });
    expect(next.headers.get("vary")).toMatch(/rsc/);
  });

  it("credentials in the query string or the body, and an empty body", async () => {
    await expectSameReply((path) => cmdb("POST", `${path}?x=1`, { auth: "query", body: { page: { limit: 1 } } }));
    await expectSameReply((path) => cmdb("POST", path, { auth: "body", body: { page: { limit: 1 }, condition: { bk_process_name: "a" } } }));
    const empty = await expectSameReply((path) => cmdb("POST", path, { rawBody: "" }));
    expect(empty.status).toBe(200);
  });

  it("refusals: bad JSON, a body that is no object, an unknown field, in either language", async () => {
    for (const lang of ["en", "zh"] as const) {
      expect((await expectSameReply((path) => cmdb("POST", path, { rawBody: "{oops", lang }))).body.result).toBe(false);
      expect((await expectSameReply((path) => cmdb("POST", path, { rawBody: "[1]", lang }))).status).toBe(400);
      expect((await expectSameReply((path) => cmdb("POST", path, { body: { nope: 1 }, lang }))).body.result).toBe(false);
    }
  });

  it("refusals: no credentials, no operator, a business that does not exist", async () => {
    expect((await expectSameReply((path) => cmdb("POST", path, { auth: "none", body: {} }))).status).toBe(401);
    expect((await expectSameReply((path) => cmdb("POST", path, { operator: null, body: {} }))).body.result).toBe(false);
    expect((await expectSameReply((path) => cmdb("POST", path, { body: {} }), 987_654_321)).status).toBe(404);
  });

  it("an app without a role in the business is refused there and served where it has one", async () => {
    const app = await createApp([{ bizId: DEMO_BIZ, role: "viewer" }]);
    const call = (path: string) => cmdb("POST", path, { auth: "none", headers: appAuthHeaders(app), body: { page: { limit: 1 } } });
    expect((await expectSameReply(call)).status).toBe(200);
    const outsider = await createApp();
    expect((await expectSameReply((path) => cmdb("POST", path, { auth: "none", headers: appAuthHeaders(outsider), body: {} }))).status).toBe(403);
  });

  it("a body over the cap is refused, streamed or declared, and the connection keeps working", async () => {
    const huge = JSON.stringify({ condition: { bk_process_name: "x".repeat(300 * 1024) } });
    expect((await expectSameReply((path) => cmdb("POST", path, { rawBody: huge }))).status).toBe(413);
    expect((await expectSameReply((path) => cmdb("POST", path, { rawBody: huge, isStreamed: true }))).status).toBe(413);
    const after = await cmdb("POST", FAST(DEMO_BIZ), { body: { page: { limit: 1 } } });
    expect(after.status).toBe(200);
  });

  it("a method the route lacks, and HEAD, stay the early replies they were", async () => {
    for (const method of ["GET", "PUT", "DELETE"]) {
      const fast = await fetch(`${BASE_URL}${FAST(DEMO_BIZ)}`, { method });
      const next = await fetch(`${BASE_URL}${THROUGH_NEXT(DEMO_BIZ)}`, { method });
      expect(fast.status).toBe(next.status);
      expect(await fast.text()).toBe(await next.text());
    }
  });
});
