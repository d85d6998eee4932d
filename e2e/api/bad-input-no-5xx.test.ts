// The inputs that once answered 500 (issue 11): each now gets its surface's own 4xx envelope and
// changes nothing. Also: methods outside a route, "/api" itself, "//" paths, and a bind racing a delete.
import { beforeAll, describe, expect, it } from "vitest";
import { APP, BASE_URL, bindingNames, cmdb, createProcess, DEMO_BIZ, expectCmdbError, expectNoLeak, processRow, sql } from "./support/cmdb-client";
import { requestFrom } from "./support/from-address";
import { consoleCall, signedInUser, type TConsoleClient } from "./support/principals";

const AUTH_HEADER = { "x-bkapi-authorization": JSON.stringify({ bk_app_code: APP.code, bk_app_secret: APP.secret, bk_username: "tester" }) };
let admin: TConsoleClient;

beforeAll(async () => {
  admin = await signedInUser({ isGlobalAdmin: true, prefix: "badinput" });
});

/** node:http, not fetch: fetch refuses TRACE and the like, and follows redirects. */
async function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const reply = await requestFrom("127.0.0.1", method, path, { headers: { "content-type": "application/json", ...headers }, body });
  const replyHeaders = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) if (typeof value === "string") replyHeaders.set(name, value);
  let json: Record<string, unknown> | null = null;
  try {
    json = reply.text ? (JSON.parse(reply.text) as Record<string, unknown>) : null;
  } catch {
    json = null;
  }
  return { status: reply.status, headers: replyHeaders, text: reply.text, json };
}

describe("text PostgreSQL cannot store", () => {
  it("a NUL byte in the sign-in username is a console 400, no sign-in needed", async () => {
    const reply = await raw("POST", "/api/console/session", '{"username":"\\u0000","password":"x"}', { origin: BASE_URL });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ ok: false, error: { kind: "OUT_OF_RANGE", message: expect.stringMatching(/body\.username/) } });
  });

  it("a lone surrogate in an ESB task id is refused in the ESB envelope (HTTP 200, as the ESB answers)", async () => {
    const reply = await raw("POST", "/api/c/compapi/v2/gse/get_proc_operate_result/", '{"task_id":"\\ud800"}', AUTH_HEADER);
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ result: false, code: 1199006, data: null, request_id: expect.any(String) });
  });

  it("NUL in a search condition, a module name in the path and a GET poll's query are refused", async () => {
    expectCmdbError(await cmdb("POST", `/api/v3/proc/search/0/${DEMO_BIZ}`, { body: { condition: { bk_process_name: "a\u0000b" } } }), 1199006, 400, /condition\.bk_process_name/);
    const id = await createProcess();
    expectCmdbError(await cmdb("PUT", `/api/v3/proc/module/0/${DEMO_BIZ}/${id}/a%00b`), 1199006, 400, /moduleName/);
    expect(await bindingNames(id)).toEqual([]);
    const poll = await raw("GET", `/api/c/compapi/v2/gse/get_proc_operate_result/?task_id=%00`, undefined, AUTH_HEADER);
    expect(poll.status).toBe(200);
    expect(poll.json).toMatchObject({ result: false, code: 1199006 });
  });
});

describe("numbers and dates past PostgreSQL's range", () => {
  it("batch update with an id past int4 changes nothing", async () => {
    const id = await createProcess({ timeout: 5 });
    const reply = await cmdb("PUT", `/api/v3/proc/0/${DEMO_BIZ}`, { body: { bk_process_id: `${id},9999999999`, timeout: 77 } });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect((await processRow(id))?.timeout).toBe(5);
  });

  it("a search condition past int4", async () => {
    expectCmdbError(await cmdb("POST", `/api/v3/proc/search/0/${DEMO_BIZ}`, { body: { condition: { timeout: 9999999999 } } }), 1199006, 400);
  });

  it("an enrolment token whose id is past int4", async () => {
    const reply = await raw("POST", "/api/agent/v1/enroll", JSON.stringify({ enrollment_token: "99999999999.x", bk_cloud_id: 0, ip: "127.0.0.99" }));
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
    expect(reply.json).toMatchObject({ ok: false });
  });

  it("an enrolment token for a cloud id past int4: 400 naming it, no token issued", async () => {
    const ip = "10.99.88.77";
    for (const body of [{ cloudId: 9999999999 }, { ip, cloudId: 9999999999 }]) {
      const reply = await admin.call("POST", "/api/console/enrollment-tokens", { body });
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(reply.body)).toContain("cloudId");
    }
    expect(await sql(`SELECT 1 FROM enrollment_token WHERE ip = $1`, [ip])).toEqual([]);
  });

  it("audit cursors and dates out of range", async () => {
    for (const query of ["cursor=9999999999999999999", "from=-100000-01-01T00:00:00Z", "to=275760-09-13T00:00:00Z", "from=%00"]) {
      const reply = await admin.call("GET", `/api/console/audit?${query}`);
      expect(reply.status, query).toBe(400);
      expect(reply.body, query).toMatchObject({ ok: false, error: { kind: "OUT_OF_RANGE" } });
      expectNoLeak(reply.text);
    }
  });
});

describe("replies a route does not make itself", () => {
  it("TRACE, PROPFIND and missing methods get 405 in the surface's envelope with Allow", async () => {
    const cases: [string, string, (json: Record<string, unknown> | null) => void][] = [
      ["TRACE", "/api/healthz", (json) => expect(json).toMatchObject({ result: false, bk_error_code: 1199003 })],
      ["PROPFIND", "/api/console/session", (json) => expect(json).toMatchObject({ ok: false, error: { kind: "METHOD_NOT_ALLOWED" } })],
      ["PATCH", "/api/console/session", (json) => expect(json).toMatchObject({ ok: false, error: { kind: "METHOD_NOT_ALLOWED" } })],
      ["PUT", "/api/agent/v1/poll", (json) => expect(json).toMatchObject({ ok: false, error: { code: "METHOD_NOT_ALLOWED" } })],
      ["DELETE", "/api/c/compapi/v2/gse/operate_proc/", (json) => expect(json).toMatchObject({ result: false, code: 1199003 })],
      ["PATCH", `/api/v3/proc/0/${DEMO_BIZ}`, (json) => expect(json).toMatchObject({ result: false, bk_error_code: 1199003 })],
    ];
    for (const [method, path, check] of cases) {
      const reply = await raw(method, path);
      expect(reply.status, `${method} ${path}`).toBe(405);
      expect(reply.headers.get("allow"), `${method} ${path}`).toMatch(/^[A-Z, ]+$/);
      expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
      check(reply.json);
    }
    expect((await raw("PATCH", "/api/console/session")).headers.get("allow")).toBe("GET, HEAD, POST, DELETE, OPTIONS");
  });

  it("OPTIONS names the methods; TRACE on a page is a plain 405", async () => {
    const options = await raw("OPTIONS", `/api/v3/proc/search/0/${DEMO_BIZ}`);
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toContain("POST");
    const page = await raw("TRACE", "/sign-in");
    expect(page.status).toBe(405);
    expect(page.headers.get("x-frame-options")).toBe("DENY");
  });

  it("GET /api and /api/console answer in an envelope, not an HTML page", async () => {
    const root = await raw("GET", "/api");
    expect(root.status).toBe(404);
    expect(root.json).toMatchObject({ result: false, bk_error_code: 1199003 });
    const consoleRoot = await raw("GET", "/api/console");
    expect(consoleRoot.status).toBe(404);
    expect(consoleRoot.json).toMatchObject({ ok: false, error: { kind: "UNKNOWN_ROUTE" } });
  });

  it("a doubled slash is redirected with the security headers", async () => {
    const reply = await raw("GET", "//api/healthz");
    expect(reply.status).toBe(308);
    expect(reply.headers.get("location")).toBe("/api/healthz");
    expect(reply.headers.get("x-content-type-options")).toBe("nosniff");
    expect(reply.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("same-origin check", () => {
  it("compares the scheme too: an http page may not write to this https console, nor the reverse", async () => {
    const httpsOrigin = BASE_URL.replace(/^http:/, "https:");
    const refused = await consoleCall("POST", "/api/console/enrollment-tokens", { cookieHeader: admin.cookieHeader, csrfToken: admin.csrfToken, body: {} });
    expect(refused.status).toBe(201); // the test's own origin is fine
    const response = await fetch(`${BASE_URL}/api/console/enrollment-tokens`, {
      method: "POST",
      headers: { origin: httpsOrigin, cookie: admin.cookieHeader, "x-csrf-token": admin.csrfToken, "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, error: { kind: "FORBIDDEN" } });
  });
});

describe("a bind racing a delete", () => {
  it("every request gets 200 or its 4xx (1199019 / 1108013), never a 500, and the end state is consistent", async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 6; round++) {
      const id = await createProcess();
      const replies = await Promise.all([
        cmdb("PUT", `/api/v3/proc/module/0/${DEMO_BIZ}/${id}/gateway`),
        cmdb("DELETE", `/api/v3/proc/0/${DEMO_BIZ}/${id}`),
        cmdb("PUT", `/api/v3/proc/module/0/${DEMO_BIZ}/${id}/db`),
      ]);
      for (const reply of replies) {
        statuses.push(reply.status);
        expect(reply.status, reply.text).toBeLessThan(500);
        if (!reply.body.result) expect([1199019, 1108013]).toContain(reply.body.bk_error_code);
      }
      const row = await processRow(id);
      // either the process survived (the delete lost) or it is gone with no binding left behind
      if (!row) expect(await bindingNames(id)).toEqual([]);
    }
    expect(statuses.length).toBe(18);
  });
});
