// The audit trail over real HTTP: GET /api/console/audit (filters, keyset paging, who sees what) and
// GET /api/console/audit/export (the same as CSV, defused against formula injection).
import { beforeAll, describe, expect, it } from "vitest";
import { APP, BASE_URL, cmdb, createBusiness, createProcess, expectSuccess, uniqueName } from "./support/cmdb-client";
import { consoleCall, signedInUser, type TConsoleClient } from "./support/principals";

type TEntry = {
  id: string;
  at: string;
  bizId: number | null;
  bizName: string;
  actorType: string;
  actor: string;
  appCode: string | null;
  objectType: string;
  objectId: string;
  objectName: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};
type TPage = { entries: TEntry[]; nextCursor: string | null };

const ENROLL_SECRET = process.env.PROCDECK_TEST_ENROLL_SECRET ?? "";

/** Everything this file creates is done by one operator, so "user=<operator>" isolates it from other tests. */
const operator = uniqueName("auditor");
let bizA: number;
let bizB: number;
let processA: number;
let processB: number;
let nameA: string;
let agentIp: string;
let admin: TConsoleClient;
let viewerA: TConsoleClient;

async function list(client: TConsoleClient, query: Record<string, string>) {
  return client.call<TPage>("GET", `/api/console/audit?${new URLSearchParams(query)}`);
}

async function entries(client: TConsoleClient, query: Record<string, string>): Promise<TEntry[]> {
  const reply = await list(client, { limit: "200", ...query });
  expect(reply.status, reply.text).toBe(200);
  expect(reply.body).toMatchObject({ ok: true });
  return (reply.body as unknown as { data: TPage }).data.entries;
}

function dataOf<T>(reply: { body: unknown }): T {
  return (reply.body as { data: T }).data;
}

function expectForbidden(reply: { status: number; body: unknown; text: string }) {
  expect(reply.status, reply.text).toBe(403);
  expect(reply.body).toEqual({ ok: false, error: { code: 9900403, kind: "FORBIDDEN", message: expect.any(String) } });
}

beforeAll(async () => {
  bizA = await createBusiness("audit-a");
  bizB = await createBusiness("audit-b");
  nameA = uniqueName("audited");
  processA = await createProcess({ bk_process_name: nameA, start_cmd: "./start.sh", port: "80" }, bizA);
  expectSuccess(await cmdb("PUT", `/api/v3/proc/0/${bizA}/${processA}`, { body: { start_cmd: "./start.sh --fast", port: "81" }, operator }));
  processB = await createProcess({}, bizB);
  expectSuccess(await cmdb("PUT", `/api/v3/proc/0/${bizB}/${processB}`, { body: { description: "in B" }, operator }));
  // an administration entry (no business): an agent enrolling a new host
  agentIp = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  const enrolled = await fetch(`${BASE_URL}/api/agent/v1/enroll`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ enrollment_token: ENROLL_SECRET, bk_cloud_id: 0, ip: agentIp }),
  });
  expect(enrolled.status).toBe(200);

  admin = await signedInUser({ isGlobalAdmin: true, prefix: "audit-admin" });
  viewerA = await signedInUser({ roles: [{ bizId: bizA, role: "viewer" }], prefix: "audit-viewer" });
});

describe("the audit list", () => {
  it("shows an update with the operator, app, business and the changed fields before → after", async () => {
    const [update] = await entries(admin, { user: operator, objectType: "process", object: String(processA) });
    expect(update).toMatchObject({
      bizId: bizA,
      bizName: expect.stringContaining("audit-a"),
      actorType: "app",
      actor: operator,
      appCode: APP.code,
      objectType: "process",
      objectId: String(processA),
      objectName: nameA,
      action: "update",
      before: { start_cmd: "./start.sh", port: "80" },
      after: { start_cmd: "./start.sh --fast", port: "81" },
    });
    expect(new Date(update.at).getTime()).not.toBeNaN();
  });

  it("filters by business, user, app, object type, object id or name, and action", async () => {
    const byBusiness = await entries(admin, { bizId: String(bizA) });
    expect(byBusiness.length).toBeGreaterThanOrEqual(2);
    expect(byBusiness.every((entry) => entry.bizId === bizA)).toBe(true);
    expect(byBusiness.map((entry) => entry.action)).toEqual(["update", "create"]);

    expect((await entries(admin, { user: operator })).map((entry) => [entry.bizId, entry.action])).toEqual([
      [bizB, "update"],
      [bizA, "update"],
    ]);
    expect(await entries(admin, { user: operator, app: "no-such-app" })).toEqual([]);
    expect(await entries(admin, { user: operator, app: APP.code })).toHaveLength(2);
    expect(await entries(admin, { user: operator, objectType: "task" })).toEqual([]);

    const byName = await entries(admin, { object: nameA.toUpperCase() });
    expect(byName.map((entry) => entry.action)).toEqual(["update", "create"]);
    expect((await entries(admin, { object: String(processA), objectType: "process", action: "create" })).map((entry) => entry.objectId)).toEqual([String(processA)]);
    expect(await entries(admin, { object: String(processA), action: "delete" })).toEqual([]);
  });

  it("filters by time range: from inclusive, to exclusive", async () => {
    const [update, create] = await entries(admin, { bizId: String(bizA) });
    expect(await entries(admin, { bizId: String(bizA), from: update.at })).toEqual([update]);
    expect(await entries(admin, { bizId: String(bizA), to: update.at, from: create.at })).toEqual([create]);
    const later = new Date(Date.parse(update.at) + 60_000).toISOString();
    expect(await entries(admin, { bizId: String(bizA), from: later })).toEqual([]);
  });

  it("pages newest first by id, without gaps or repeats", async () => {
    const all = await entries(admin, { bizId: String(bizA) });
    const first = await list(admin, { bizId: String(bizA), limit: "1" });
    const firstPage = dataOf<TPage>(first);
    expect(firstPage.entries).toEqual([all[0]]);
    expect(firstPage.nextCursor).toBe(all[0].id);
    const second = dataOf<TPage>(await list(admin, { bizId: String(bizA), limit: "1", cursor: firstPage.nextCursor! }));
    expect(second.entries).toEqual([all[1]]);
    const rest = dataOf<TPage>(await list(admin, { bizId: String(bizA), limit: "5", cursor: second.entries[0].id }));
    expect(rest).toEqual({ entries: [], nextCursor: null });
  });

  it("refuses bad filters with 400 naming the parameter", async () => {
    for (const [query, field] of [
      [{ limit: "0" }, "query.limit"],
      [{ limit: "201" }, "query.limit"],
      [{ cursor: "abc" }, "query.cursor"],
      [{ from: "not a date" }, "query.from"],
      [{ from: "2026-01-02T00:00:00Z", to: "2026-01-01T00:00:00Z" }, "query.to"],
      [{ bizId: "-1" }, "query.bizId"],
    ] as const) {
      const reply = await list(admin, query);
      expect(reply.status, JSON.stringify(query)).toBe(400);
      expect(reply.body).toMatchObject({ ok: false, error: { code: 1199006, kind: "OUT_OF_RANGE", message: expect.stringContaining(field) } });
    }
  });

  it("needs a session", async () => {
    const reply = await consoleCall("GET", "/api/console/audit");
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ ok: false, error: { kind: "UNAUTHENTICATED" } });
  });
});

describe("who sees which entries", () => {
  it("a viewer of business A sees A's entries, not B's nor administration entries", async () => {
    const seen = await entries(viewerA, { user: operator });
    expect(seen.map((entry) => [entry.bizId, entry.action])).toEqual([[bizA, "update"]]);
    expect(await entries(viewerA, { object: `0:${agentIp}` })).toEqual([]);
    expect(await entries(viewerA, { object: String(processB), objectType: "process" })).toEqual([]);
    const everything = await entries(viewerA, {});
    expect(everything.length).toBeGreaterThan(0);
    expect(everything.every((entry) => entry.bizId === bizA)).toBe(true);
  });

  it("a viewer asking for a business they cannot view, or for administration entries, gets 403 and nothing", async () => {
    expectForbidden(await list(viewerA, { bizId: String(bizB) }));
    expectForbidden(await list(viewerA, { bizId: "none" }));
    const noRoles = await signedInUser({ prefix: "audit-nobody" });
    expectForbidden(await list(noRoles, { bizId: String(bizA) }));
    expect(await entries(noRoles, {})).toEqual([]);
  });

  it("a user with a role in every business sees every business's entries but no administration entries", async () => {
    const everywhere = await signedInUser({ roles: [{ bizId: 0, role: "viewer" }], prefix: "audit-all" });
    expect((await entries(everywhere, { user: operator })).map((entry) => entry.bizId)).toEqual([bizB, bizA]);
    expect(await entries(everywhere, { object: `0:${agentIp}` })).toEqual([]);
    expectForbidden(await list(everywhere, { bizId: "none" }));
  });

  it("a global admin sees every business and the administration entries", async () => {
    expect((await entries(admin, { user: operator })).map((entry) => entry.bizId)).toEqual([bizB, bizA]);
    const enrolment = await entries(admin, { bizId: "none", object: `0:${agentIp}` });
    expect(enrolment).toEqual([expect.objectContaining({ bizId: null, bizName: "", objectType: "host", action: "enroll_agent", actorType: "system" })]);
    // the enrolment secret the agent presented is not in the entry
    expect(JSON.stringify(enrolment)).not.toContain(ENROLL_SECRET);
  });
});

describe("the CSV export", () => {
  it("downloads the filtered entries as CSV with a dated file name", async () => {
    const response = await fetch(`${BASE_URL}/api/console/audit/export?${new URLSearchParams({ user: operator })}`, { headers: { cookie: admin.cookieHeader } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="procdeck-audit-\d{8}-\d{6}\.csv"$/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["id", "time", "bk_biz_id", "business", "actor_type", "actor", "app_code", "object_type", "object_id", "object_name", "action", "changed_fields", "before", "after"]);
    const body = rows.slice(1);
    expect(body.map((row) => [row[2], row[5], row[6], row[10]])).toEqual([
      [String(bizB), operator, APP.code, "update"],
      [String(bizA), operator, APP.code, "update"],
    ]);
    const updateA = body[1];
    expect(updateA[8]).toBe(String(processA));
    expect(updateA[11].split(" ").sort()).toEqual(["port", "start_cmd"]);
    expect(JSON.parse(updateA[12])).toEqual({ start_cmd: "./start.sh", port: "80" });
    expect(JSON.parse(updateA[13])).toEqual({ start_cmd: "./start.sh --fast", port: "81" });
  });

  it("quotes commas, quotes and line breaks, and defuses cells a spreadsheet would run as formulas", async () => {
    const nasty = `=HYPERLINK("http://evil.example","x"),${uniqueName("csv")}`;
    const id = await createProcess({ bk_process_name: nasty, description: "line one\nline two", start_cmd: "-2+3" }, bizA);
    const response = await fetch(`${BASE_URL}/api/console/audit/export?${new URLSearchParams({ object: String(id), objectType: "process" })}`, { headers: { cookie: admin.cookieHeader } });
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const [, created] = parseCsv(text);
    expect(created[9]).toBe(`'${nasty}`);
    expect(created[10]).toBe("create");
    expect(JSON.parse(created[13])).toMatchObject({ bk_process_name: nasty, description: "line one\nline two", start_cmd: "-2+3" });
    // no cell of the file starts a formula
    for (const row of parseCsv(text)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it("answers refusals in the console envelope, not as a file", async () => {
    const forbidden = await fetch(`${BASE_URL}/api/console/audit/export?bizId=${bizB}`, { headers: { cookie: viewerA.cookieHeader } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get("content-type")).toMatch(/^application\/json/);
    expect(forbidden.headers.get("content-disposition")).toBeNull();
    expect(await forbidden.json()).toMatchObject({ ok: false, error: { kind: "FORBIDDEN" } });

    const anonymous = await fetch(`${BASE_URL}/api/console/audit/export`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ ok: false, error: { kind: "UNAUTHENTICATED" } });

    const bad = await fetch(`${BASE_URL}/api/console/audit/export?from=yesterday`, { headers: { cookie: admin.cookieHeader } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { kind: "OUT_OF_RANGE" } });
  });

  it("exports only what the caller may see", async () => {
    const response = await fetch(`${BASE_URL}/api/console/audit/export?${new URLSearchParams({ user: operator })}`, { headers: { cookie: viewerA.cookieHeader } });
    const rows = parseCsv((await response.text()).replace(/^\uFEFF/, "")).slice(1);
    expect(rows.map((row) => row[2])).toEqual([String(bizA)]);
  });
});

/** RFC 4180, enough for the export: quoted cells with doubled quotes and line breaks, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let isQuoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (char === '"') isQuoted = false;
      else cell += char;
    } else if (char === '"') isQuoted = true;
    else if (char === ",") {
      row.push(cell);
      cell = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      index++;
    } else cell += char;
  }
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}
