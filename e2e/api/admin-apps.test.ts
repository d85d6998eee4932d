// API app administration: create (secret shown once, stored hashed), roles per business that the
// CMDB API obeys at once, secret rotation (the old one stops working at once), revocation (401).
import { beforeAll, describe, expect, it } from "vitest";
import { cmdb, DEMO_BIZ, expectCmdbError, expectSuccess, sql, uniqueName, type TCmdbReply } from "./support/cmdb-client";
import { appAuthHeaders, createApp, signedInUser, type TAppCredentials, type TConsoleClient } from "./support/principals";
import { auditOf, expectOk, expectRefused, signedInGlobalAdmin } from "./support/admin-support";
import { waitFor } from "./support/agent-harness";

type TGrant = { bizId: number; bizName: string | null; role: string };
type TApp = { id: number; code: string; description: string; createdBy: string; lastUsedAt: string | null; secretRotatedAt: string | null; revokedAt: string | null; isRevoked: boolean };
type TAppRow = TApp & { grants: TGrant[] };

const APPS = "/api/console/admin/apps";
const FORBIDDEN_CODE = 9900403;
const UNAUTHENTICATED_CODE = 1199027;

let admin: TConsoleClient;
beforeAll(async () => {
  admin = await signedInGlobalAdmin();
});

/** A new app made through the console, with its code and the secret shown at creation. */
async function createAppViaConsole(description = ""): Promise<TAppCredentials> {
  const code = uniqueName("app").slice(0, 32);
  const reply = await admin.call("POST", APPS, { body: { code, description } });
  const created = expectOk<{ app: TApp; secret: string }>(reply, 201);
  return { appId: created.app.id, code, secret: created.secret };
}

function search(app: TAppCredentials, bizId = DEMO_BIZ): Promise<TCmdbReply> {
  return cmdb("POST", `/api/v3/proc/search/0/${bizId}`, { auth: "none", headers: appAuthHeaders(app), body: { page: { limit: 1 } } });
}

function createProcessAs(app: TAppCredentials, name: string): Promise<TCmdbReply> {
  return cmdb("POST", `/api/v3/proc/0/${DEMO_BIZ}`, { auth: "none", headers: appAuthHeaders(app), body: { bk_process_name: name, bk_func_name: "worker" } });
}

async function processNamed(name: string) {
  return sql(`SELECT 1 FROM process WHERE bk_process_name = $1`, [name]);
}

describe("who may administer apps", () => {
  it("refuses users who are not global administrators, creating nothing", async () => {
    const businessAdmin = await signedInUser({ roles: [{ bizId: 0, role: "admin" }] });
    expectRefused(await businessAdmin.call("GET", APPS), 403, "FORBIDDEN");
    const code = uniqueName("nope");
    expectRefused(await businessAdmin.call("POST", APPS, { body: { code } }), 403, "FORBIDDEN");
    expect(await sql(`SELECT 1 FROM api_app WHERE code = $1`, [code])).toEqual([]);
  });
});

describe("creating apps", () => {
  it("shows the secret once and keeps only a salted hash of it; the audit holds neither", async () => {
    const code = uniqueName("svc");
    const reply = await admin.call("POST", APPS, { body: { code, description: "deploy robot" } });
    const created = expectOk<{ app: TApp; secret: string }>(reply, 201);
    expect(created.app).toMatchObject({ code, description: "deploy robot", createdBy: admin.username, isRevoked: false, lastUsedAt: null, secretRotatedAt: null });
    expect(created.secret.length).toBeGreaterThanOrEqual(24);

    const [row] = await sql<{ secret_hash: string }>(`SELECT secret_hash FROM api_app WHERE code = $1`, [code]);
    expect(row.secret_hash).toMatch(/^sha256\$/);
    expect(row.secret_hash).not.toContain(created.secret);
    expect(reply.text).not.toContain(row.secret_hash);

    const detail = await admin.call("GET", `${APPS}/${created.app.id}`);
    expect(detail.text).not.toContain(created.secret);
    expect(detail.text).not.toContain(row.secret_hash);
    const list = await admin.call("GET", APPS);
    expect(expectOk<TAppRow[]>(list).find((app) => app.code === code)).toMatchObject({ grants: [], isRevoked: false });
    expect(list.text).not.toMatch(/sha256\$/);

    const [entry] = await auditOf("app", created.app.id);
    expect(entry).toMatchObject({ action: "create", actor: admin.username, bk_biz_id: null, object_name: code, after: { code, description: "deploy robot" } });
    expect(JSON.stringify(entry)).not.toContain(created.secret);
  });

  it.each([
    ["too short", "ab"],
    ["a digit first", "1abc"],
    ["upper case", "DeployBot"],
    ["a space", "deploy bot"],
    ["too long", `a${"b".repeat(32)}`],
  ])("refuses an app code with %s, creating nothing", async (_case, code) => {
    expectRefused(await admin.call("POST", APPS, { body: { code } }), 400, "OUT_OF_RANGE", /code/);
    expect(await sql(`SELECT 1 FROM api_app WHERE code = $1`, [code.trim()])).toEqual([]);
  });

  it("refuses a code that is taken", async () => {
    const app = await createAppViaConsole();
    const refused = expectRefused(await admin.call("POST", APPS, { body: { code: app.code } }), 409, "DUPLICATE", /already taken/);
    expect(refused.fields?.code).toBeDefined();
  });
});

describe("what an app may do, per business", () => {
  it("a new app without roles gets 403 in the demo business; as viewer it can search but not create", async () => {
    const app = await createAppViaConsole();
    expectCmdbError(await search(app), FORBIDDEN_CODE, 403);

    const grants = expectOk<TGrant[]>(await admin.call("PUT", `${APPS}/${app.appId}/roles/${DEMO_BIZ}`, { body: { role: "viewer" } }));
    expect(grants).toEqual([expect.objectContaining({ bizId: DEMO_BIZ, bizName: "Demo", role: "viewer" })]);
    expectSuccess(await search(app));
    const name = uniqueName("viewer-made");
    expectCmdbError(await createProcessAs(app, name), FORBIDDEN_CODE, 403);
    expect(await processNamed(name)).toEqual([]);

    expectOk(await admin.call("PUT", `${APPS}/${app.appId}/roles/${DEMO_BIZ}`, { body: { role: "admin" } }));
    expectSuccess(await createProcessAs(app, name));
    expect(await processNamed(name)).toHaveLength(1);

    expect(expectOk<TGrant[]>(await admin.call("DELETE", `${APPS}/${app.appId}/roles/${DEMO_BIZ}`))).toEqual([]);
    expectCmdbError(await search(app), FORBIDDEN_CODE, 403);

    const entries = await auditOf("app_role", `${app.appId}:${DEMO_BIZ}`);
    expect(entries.map((entry) => [entry.action, entry.bk_biz_id])).toEqual([
      ["grant", DEMO_BIZ],
      ["change", DEMO_BIZ],
      ["revoke", DEMO_BIZ],
    ]);
  });

  it("records when an app was last used", async () => {
    const app = await createAppViaConsole();
    expectOk(await admin.call("PUT", `${APPS}/${app.appId}/roles/0`, { body: { role: "viewer" } }));
    expectSuccess(await search(app));
    await waitFor(async () => expectOk<{ app: TApp }>(await admin.call("GET", `${APPS}/${app.appId}`)).app.lastUsedAt !== null, 10_000, () => "lastUsedAt never set");
  });
});

describe("rotating and revoking", () => {
  it("a rotated secret replaces the old one at once", async () => {
    const app = await createAppViaConsole();
    expectOk(await admin.call("PUT", `${APPS}/${app.appId}/roles/${DEMO_BIZ}`, { body: { role: "viewer" } }));
    expectSuccess(await search(app)); // the old secret is now in the verified-credentials cache

    const reply = await admin.call("POST", `${APPS}/${app.appId}/secret`);
    const rotated = expectOk<{ app: TApp; secret: string }>(reply);
    expect(rotated.secret).not.toBe(app.secret);
    expect(rotated.app.secretRotatedAt).not.toBeNull();
    expectCmdbError(await search(app), UNAUTHENTICATED_CODE, 401);
    expectSuccess(await search({ ...app, secret: rotated.secret }));

    const [entry] = (await auditOf("app", app.appId)).filter((row) => row.action === "rotate_secret");
    expect(entry.actor).toBe(admin.username);
    expect(JSON.stringify(entry)).not.toContain(rotated.secret);
    expect(JSON.stringify(entry)).not.toContain(app.secret);
  });

  it("a revoked app gets the 401 envelope, and can be changed no more", async () => {
    const app = await createApp([{ bizId: DEMO_BIZ, role: "viewer" }]);
    expectSuccess(await search(app));

    const revoked = expectOk<TApp>(await admin.call("DELETE", `${APPS}/${app.appId}`));
    expect(revoked).toMatchObject({ isRevoked: true, revokedAt: expect.any(String) });
    expectCmdbError(await search(app), UNAUTHENTICATED_CODE, 401);

    const hashBefore = (await sql<{ secret_hash: string }>(`SELECT secret_hash FROM api_app WHERE id = $1`, [app.appId]))[0].secret_hash;
    expectRefused(await admin.call("POST", `${APPS}/${app.appId}/secret`), 400, "FIELD_CHECK_FAILED", /revoked/);
    expectRefused(await admin.call("PUT", `${APPS}/${app.appId}/roles/${DEMO_BIZ}`, { body: { role: "admin" } }), 400, "FIELD_CHECK_FAILED", /revoked/);
    expect((await sql<{ secret_hash: string }>(`SELECT secret_hash FROM api_app WHERE id = $1`, [app.appId]))[0].secret_hash).toBe(hashBefore);
    expect(await sql<{ role: string }>(`SELECT role FROM app_role WHERE app_id = $1`, [app.appId])).toEqual([{ role: "viewer" }]);

    expectOk(await admin.call("DELETE", `${APPS}/${app.appId}`));
    expect((await auditOf("app", app.appId)).map((entry) => entry.action)).toEqual(["revoke"]);
  });

  it("changes the description; unknown and malformed ids are refused", async () => {
    const app = await createAppViaConsole("old");
    expect(expectOk<TApp>(await admin.call("PATCH", `${APPS}/${app.appId}`, { body: { description: "new" } })).description).toBe("new");
    expectRefused(await admin.call("PATCH", `${APPS}/${app.appId}`, { body: { description: "x", code: "renamed" } }), 400, "OUT_OF_RANGE", /unknown parameter code/);
    expectRefused(await admin.call("GET", `${APPS}/2147480000`), 404, "NOT_FOUND", /API app 2147480000/);
    expectRefused(await admin.call("POST", `${APPS}/0/secret`), 400, "BAD_PATH_PARAM", /appId/);
    expectRefused(await admin.call("DELETE", `${APPS}/${app.appId}/roles/${DEMO_BIZ}`), 404, "NOT_FOUND", /holds no role/);
    const [entry] = (await auditOf("app", app.appId)).filter((row) => row.action === "update");
    expect(entry).toMatchObject({ before: { description: "old" }, after: { description: "new" } });
  });
});
