// Hardening over real HTTP: security headers on pages, on every API surface, on error replies and on
// Next's own assets; a body over the size cap gets 413 in each surface's own envelope and changes
// nothing; secrets sent with a request end up neither in the reply nor in the audit trail.
import { beforeAll, describe, expect, it } from "vitest";
import { APP, auditRows, BASE_URL, cmdb, createProcess, DEMO_BIZ, expectCmdbError, processRow, sql, uniqueName } from "./support/cmdb-client";
import { consoleCall, signedInUser, type TConsoleClient } from "./support/principals";

const ENROLL_SECRET = process.env.PROCDECK_TEST_ENROLL_SECRET ?? "";
const OVER_CAP = 300 * 1024;

type TKind = "page" | "api" | "asset";

/** The headers every reply carries; pages get a nonce CSP, API replies a deny-everything one. */
function expectSecurityHeaders(headers: Headers, kind: TKind, what: string) {
  const expectHeader = (name: string, value: string | RegExp) => {
    const actual = headers.get(name);
    if (typeof value === "string") expect(actual, `${name} of ${what}`).toBe(value);
    else expect(actual, `${name} of ${what}`).toMatch(value);
  };
  expectHeader("x-content-type-options", "nosniff");
  expectHeader("referrer-policy", "strict-origin-when-cross-origin");
  expectHeader("x-frame-options", "DENY");
  expectHeader("permissions-policy", /camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  // over plain http there is no HSTS
  expect(headers.get("strict-transport-security"), `HSTS of ${what}`).toBeNull();
  const csp = headers.get("content-security-policy");
  if (kind === "asset") return;
  expect(csp, `CSP of ${what}`).toBeTruthy();
  const directives = new Map(csp!.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives.get("frame-ancestors"), what).toEqual(["'none'"]);
  if (kind === "api") {
    expect(directives.get("default-src"), what).toEqual(["'none'"]);
    return;
  }
  expect(directives.get("default-src")).toEqual(["'self'"]);
  expect(directives.get("object-src")).toEqual(["'none'"]);
  expect(directives.get("base-uri")).toEqual(["'self'"]);
  expect(directives.get("form-action")).toEqual(["'self'"]);
  expect(directives.get("script-src")).toEqual(expect.arrayContaining(["'self'", "'strict-dynamic'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/=]{16,}'$/)]));
  expect(directives.get("script-src")).not.toContain("'unsafe-inline'");
}

function nonceOf(headers: Headers): string {
  return /'nonce-([^']+)'/.exec(headers.get("content-security-policy") ?? "")?.[1] ?? "";
}

let admin: TConsoleClient;

beforeAll(async () => {
  admin = await signedInUser({ isGlobalAdmin: true, prefix: "hardening" });
});

describe("security headers", () => {
  it("a page carries a CSP whose fresh nonce is on every script Next sent", async () => {
    const first = await fetch(`${BASE_URL}/sign-in`);
    expect(first.status).toBe(200);
    expectSecurityHeaders(first.headers, "page", "the sign-in page");
    const html = await first.text();
    const nonce = nonceOf(first.headers);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

    const second = await fetch(`${BASE_URL}/sign-in`);
    expect(nonceOf(second.headers)).not.toBe(nonce);

    // Next's own assets get the static headers (from next.config.ts)
    const asset = /<script\b[^>]*\bsrc="(\/_next\/[^"]+)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const assetReply = await fetch(`${BASE_URL}${asset}`);
    expect(assetReply.status).toBe(200);
    expectSecurityHeaders(assetReply.headers, "asset", asset!);
  });

  it("a console page carries them, and so does its answer without a session (sent to sign-in)", async () => {
    const signedOut = await fetch(`${BASE_URL}/biz/${DEMO_BIZ}/processes`, { redirect: "manual" });
    expectSecurityHeaders(signedOut.headers, "page", "the page without a session");
    const page = await fetch(`${BASE_URL}/biz/${DEMO_BIZ}/processes`, { headers: { cookie: admin.cookieHeader } });
    expect(page.status).toBe(200);
    expectSecurityHeaders(page.headers, "page", "the process list");
  });

  it("every API surface carries them, on success and on error", async () => {
    const replies: [string, Response][] = [
      ["console success", await fetch(`${BASE_URL}/api/console/businesses`, { headers: { cookie: admin.cookieHeader } })],
      ["console 401", await fetch(`${BASE_URL}/api/console/businesses`)],
      ["console unknown route", await fetch(`${BASE_URL}/api/console/no-such-thing`, { headers: { cookie: admin.cookieHeader } })],
      ["CMDB success", await fetch(`${BASE_URL}/api/v3/proc/module/0/${DEMO_BIZ}/1`, { headers: { "X-Bkapi-Authorization": JSON.stringify({ bk_app_code: APP.code, bk_app_secret: APP.secret, bk_username: "tester" }) } })],
      ["CMDB 401", await fetch(`${BASE_URL}/api/v3/proc/0/${DEMO_BIZ}/1`)],
      ["CMDB malformed path (answered by the proxy)", await fetch(`${BASE_URL}/api/v3/proc/module/0/2/1/%E0%A4%A`)],
      ["unknown API", await fetch(`${BASE_URL}/api/nothing/here`)],
      ["ESB 401", await fetch(`${BASE_URL}/api/c/compapi/v2/gse/get_proc_status/`, { method: "POST", body: "{}" })],
      ["agent 401", await fetch(`${BASE_URL}/api/agent/v1/poll`, { method: "POST", body: "{}" })],
      ["health check", await fetch(`${BASE_URL}/api/healthz`)],
    ];
    for (const [what, reply] of replies) {
      expect(reply.headers.get("content-type"), what).toMatch(/^application\/json/);
      expectSecurityHeaders(reply.headers, "api", what);
    }
    expect(replies.map(([, reply]) => reply.status)).toEqual([200, 401, 404, 200, 401, 400, 404, 401, 401, 200]);
  });

  it("sends HSTS only when the request came over https", async () => {
    const overHttps = await fetch(`${BASE_URL}/sign-in`, { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    const api = await fetch(`${BASE_URL}/api/healthz`, { headers: { "x-forwarded-proto": "https" } });
    expect(api.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
    expect((await fetch(`${BASE_URL}/api/healthz`)).headers.get("strict-transport-security")).toBeNull();
  });
});

describe("body size limits", () => {
  const oversized = (fields: Record<string, unknown>) => JSON.stringify({ ...fields, padding: "x".repeat(OVER_CAP) });

  it("console: 413 in the console envelope, nothing created — declared or streamed", async () => {
    const name = uniqueName("too-big");
    const body = oversized({ bk_process_name: name, bk_func_name: "worker" });
    const declared = await admin.call("POST", `/api/console/businesses/${DEMO_BIZ}/processes`, { rawBody: body });
    expect(declared.status).toBe(413);
    expect(declared.body).toEqual({ ok: false, error: { code: 1199006, kind: "BODY_TOO_LARGE", message: expect.stringMatching(/256 KiB/) } });
    expectSecurityHeaders(declared.headers, "api", "a console 413");

    const streamed = await fetch(`${BASE_URL}/api/console/businesses/${DEMO_BIZ}/processes`, {
      method: "POST",
      headers: { cookie: admin.cookieHeader, "x-csrf-token": admin.csrfToken, origin: BASE_URL, "content-type": "application/json" },
      body: streamOf(body),
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toMatchObject({ ok: false, error: { kind: "BODY_TOO_LARGE" } });
    expect(await sql(`SELECT 1 FROM process WHERE bk_process_name = $1`, [name])).toEqual([]);
  });

  it("console sign-in (no session yet): 413 in the console envelope", async () => {
    const reply = await consoleCall("POST", "/api/console/session", { rawBody: oversized({ username: uniqueName("nobody"), password: "x" }) });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 1199006, kind: "BODY_TOO_LARGE" } });
    expect(reply.headers.get("set-cookie")).toBeNull();
  });

  it("CMDB: 413 with 1199006 in the CMDB envelope, nothing changed", async () => {
    const id = await createProcess({ port: "80" });
    const before = await processRow(id);
    expectCmdbError(await cmdb("PUT", `/api/v3/proc/0/${DEMO_BIZ}/${id}`, { rawBody: oversized({ port: "81" }) }), 1199006, 413);
    expect(await processRow(id)).toEqual(before);
    expect(await auditRows(id, "update")).toEqual([]);
  });

  it("ESB: 413 with 1199006 in the ESB envelope, no task queued", async () => {
    const operator = uniqueName("esb-big");
    const response = await fetch(`${BASE_URL}/api/c/compapi/v2/gse/operate_proc/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: oversized({
        bk_app_code: APP.code,
        bk_app_secret: APP.secret,
        bk_username: operator,
        meta: { namespace: "big", name: "big" },
        hosts: [{ ip: "127.0.0.11", bk_cloud_id: 0 }],
        op_type: 2,
        spec: { identity: { proc_name: "big", setup_path: "/tmp", pid_path: "/tmp/big.pid" } },
      }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ result: false, code: 1199006, message: expect.any(String), data: null, request_id: expect.any(String) });
    expectSecurityHeaders(response.headers, "api", "an ESB 413");
    expect(await sql(`SELECT 1 FROM task WHERE requested_by = $1`, [operator])).toEqual([]);
  });

  it("agent: 413 in the agent envelope for enrolment and for a report, nothing recorded", async () => {
    const ip = `10.78.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
    const enrolBig = await fetch(`${BASE_URL}/api/agent/v1/enroll`, { method: "POST", headers: { "content-type": "application/json" }, body: oversized({ enrollment_token: ENROLL_SECRET, bk_cloud_id: 0, ip }) });
    expect(enrolBig.status).toBe(413);
    expect(await enrolBig.json()).toEqual({ ok: false, error: { code: "BODY_TOO_LARGE", message: expect.stringMatching(/too large/) } });
    expect(await sql(`SELECT 1 FROM host WHERE bk_host_innerip = $1`, [ip])).toEqual([]);

    const enrolled = await fetch(`${BASE_URL}/api/agent/v1/enroll`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ enrollment_token: ENROLL_SECRET, bk_cloud_id: 0, ip }) });
    const { data } = (await enrolled.json()) as { data: { agent_token: string; host_id: number } };
    const report = await fetch(`${BASE_URL}/api/agent/v1/report`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${data.agent_token}` },
      body: oversized({ results: [], events: [], managed: [{ namespace: "big", name: "big", is_running: true }] }),
    });
    expect(report.status).toBe(413);
    expect(await report.json()).toMatchObject({ ok: false, error: { code: "BODY_TOO_LARGE" } });
    expect(await sql(`SELECT 1 FROM managed_process WHERE bk_host_id = $1`, [data.host_id])).toEqual([]);
  });
});

describe("no secret in replies or the audit trail", () => {
  it("app credentials sent in the body of a create are in neither the reply nor the audit entry", async () => {
    const name = uniqueName("secretive");
    const reply = await cmdb("POST", `/api/v3/proc/0/${DEMO_BIZ}`, { auth: "body", body: { bk_process_name: name, bk_func_name: "worker", start_cmd: "./run" } });
    expect(reply.status).toBe(200);
    expect(reply.text).not.toContain(APP.secret);
    const id = (reply.body.data as { bk_process_id: number }).bk_process_id;
    const [created] = await auditRows(id, "create");
    expect(created.after).toMatchObject({ bk_process_name: name, start_cmd: "./run" });
    const stored = JSON.stringify(created);
    expect(stored).not.toContain(APP.secret);
    expect(stored).not.toContain("bk_app_secret");

    // nor does the audit page show it
    const page = await admin.call("GET", `/api/console/audit?${new URLSearchParams({ objectType: "process", object: String(id) })}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(name);
    expect(page.text).not.toContain(APP.secret);
  });

  it("a refused sign-in does not echo the password", async () => {
    const password = `wrong-${uniqueName("pw")}`;
    const reply = await consoleCall("POST", "/api/console/session", { body: { username: uniqueName("nobody"), password } });
    expect(reply.status).toBe(401);
    expect(reply.text).not.toContain(password);
  });
});

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + 64 * 1024));
      offset += 64 * 1024;
    },
  });
}
