// CSRF on cookie writes: a console write needs the session's own token in x-csrf-token and must come
// from the console's own site. Without the header, with a wrong one (or another session's), or sent
// cross-site (Origin of another site, Origin null, Sec-Fetch-Site: cross-site), it is 403 and nothing
// changes; the same request with the right token succeeds. Reads need no token.
import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, createProcess, sql, uniqueName } from "../support/cmdb-client";
import { createUser, signedInUser, type TConsoleClient } from "../support/principals";
import { createBusinessWithHost, type TBizWithHost } from "./access-support";

type TVariant = { label: string; headers: (user: TConsoleClient) => Record<string, string> };
type TReply = { status: number; body: { ok: boolean; data?: unknown; error?: { code: number; kind: string; message: string } } };

let biz: TBizWithHost;
let user: TConsoleClient;
let stranger: TConsoleClient;

async function send(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<TReply> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** A browser on our page: the cookie, the token and our Origin. */
const sameSite = (client: TConsoleClient) => ({ cookie: client.cookieHeader, origin: BASE_URL, "sec-fetch-site": "same-origin", "x-csrf-token": client.csrfToken });

const refusedVariants: TVariant[] = [
  { label: "no x-csrf-token header", headers: (client) => ({ cookie: client.cookieHeader, origin: BASE_URL }) },
  { label: "an empty x-csrf-token", headers: (client) => ({ ...sameSite(client), "x-csrf-token": "" }) },
  { label: "a wrong token of the right length", headers: (client) => ({ ...sameSite(client), "x-csrf-token": client.csrfToken.replace(/^./, (c) => (c === "A" ? "B" : "A")) }) },
  { label: "another session's token", headers: (client) => ({ ...sameSite(client), "x-csrf-token": stranger.csrfToken }) },
  { label: "the right token from another site's Origin", headers: (client) => ({ ...sameSite(client), origin: "https://evil.example", "sec-fetch-site": "cross-site" }) },
  { label: "the right token with Origin: null", headers: (client) => ({ ...sameSite(client), origin: "null" }) },
  { label: "the right token with Sec-Fetch-Site: cross-site", headers: (client) => ({ ...sameSite(client), "sec-fetch-site": "cross-site" }) },
  { label: "the right token from another port of this host", headers: (client) => ({ ...sameSite(client), origin: BASE_URL.replace(/:(\d+)$/, (_m, port: string) => `:${Number(port) + 1}`) }) },
];

type TWrite = { label: string; method: string; path: () => Promise<string> | string; body?: () => unknown; state: () => Promise<unknown> };

async function processState(processId: number) {
  const rows = await sql(`SELECT revision, description FROM process WHERE bk_process_id = $1`, [processId]);
  const bindings = await sql(`SELECT bk_module_name FROM process_module_binding WHERE bk_process_id = $1`, [processId]);
  return { rows, bindings };
}

const processCountOf = async (bizId: number) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM process WHERE bk_biz_id = $1`, [bizId]))[0].n;
const sessionCountOf = async (userId: number) => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM session WHERE user_id = $1`, [userId]))[0].n;

let editTarget: number;
let deleteTarget: number;
let bindTarget: number;

const writes: TWrite[] = [
  {
    label: "edit a process (PATCH)",
    method: "PATCH",
    path: () => `/api/console/businesses/${biz.bizId}/processes/${editTarget}`,
    body: () => ({ expectedRevision: 1, changes: { description: "written by csrf test" } }),
    state: () => processState(editTarget),
  },
  {
    label: "create a process (POST)",
    method: "POST",
    path: () => `/api/console/businesses/${biz.bizId}/processes`,
    body: () => ({ bk_process_name: uniqueName("csrf-new"), bk_func_name: "x" }),
    state: () => processCountOf(biz.bizId),
  },
  { label: "delete a process (DELETE)", method: "DELETE", path: () => `/api/console/businesses/${biz.bizId}/processes/${deleteTarget}`, state: () => processState(deleteTarget) },
  {
    label: "bind a module (PUT)",
    method: "PUT",
    path: () => `/api/console/businesses/${biz.bizId}/processes/${bindTarget}/modules/${encodeURIComponent(biz.moduleName)}`,
    state: () => processState(bindTarget),
  },
  { label: "sign out (DELETE session)", method: "DELETE", path: () => "/api/console/session", state: () => sessionCountOf(user.userId) },
];

beforeAll(async () => {
  biz = await createBusinessWithHost("csrf");
  [editTarget, deleteTarget, bindTarget] = [await createProcess({}, biz.bizId), await createProcess({}, biz.bizId), await createProcess({}, biz.bizId)];
  user = await signedInUser({ roles: [{ bizId: biz.bizId, role: "admin" }], prefix: "csrf" });
  stranger = await signedInUser({ roles: [{ bizId: biz.bizId, role: "admin" }], prefix: "csrf-other" });
}, 60_000);

describe.each(writes)("$label", (write) => {
  it.each(refusedVariants)("with $label: 403, nothing changed", async (variant) => {
    const before = await write.state();
    const reply = await send(write.method, await write.path(), variant.headers(user), write.body?.());
    expect(reply.status, JSON.stringify(reply.body)).toBe(403);
    expect(reply.body).toMatchObject({ ok: false, error: { code: 9900403, kind: "FORBIDDEN" } });
    expect(await write.state()).toEqual(before);
  });

  it("with the right token from our own page: succeeds and changes it", async () => {
    const before = await write.state();
    const reply = await send(write.method, await write.path(), sameSite(user), write.body?.());
    expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(300);
    expect(reply.body.ok).toBe(true);
    expect(await write.state()).not.toEqual(before);
    // signing out ended the session: the remaining writes need a new one
    if (write.method === "DELETE" && (await write.path()) === "/api/console/session") {
      user = await signedInUser({ roles: [{ bizId: biz.bizId, role: "admin" }], prefix: "csrf" });
    }
  });
});

describe("around the writes", () => {
  it("reads need no token", async () => {
    const reply = await send("GET", `/api/console/businesses/${biz.bizId}/processes`, { cookie: user.cookieHeader });
    expect(reply.status).toBe(200);
    expect(reply.body.ok).toBe(true);
  });

  it("signing in from another site is refused and opens no session", async () => {
    const target = await createUser({ prefix: "csrf-signin" });
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { origin: "null" }];
    for (const headers of crossSite) {
      const reply = await send("POST", "/api/console/session", headers, { username: target.username, password: target.password });
      expect(reply.status, JSON.stringify(reply.body)).toBe(403);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 9900403 } });
    }
    expect(await sessionCountOf(target.userId)).toBe(0);
    const allowed = await send("POST", "/api/console/session", { origin: BASE_URL }, { username: target.username, password: target.password });
    expect(allowed.status).toBe(200);
    expect(await sessionCountOf(target.userId)).toBe(1);
  });
});
