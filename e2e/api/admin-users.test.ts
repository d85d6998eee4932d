// User administration by global administrators: list, create (chosen or generated password), roles
// per business, password reset, disable / enable, the global admin flag (never one's own), sessions.
// Every change is audited without secrets; refused changes change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_BIZ, sql, uniqueName } from "./support/cmdb-client";
import { consoleCall, createUser, signedInUser, signInAs, type TConsoleClient } from "./support/principals";
import { auditOf, createUserViaApi, expectOk, expectRefused, signedInGlobalAdmin, signInWith } from "./support/admin-support";

type TGrant = { bizId: number; bizName: string | null; role: string; grantedBy: string };
type TUserRow = { id: number; username: string; displayName: string; isGlobalAdmin: boolean; isDisabled: boolean; mustChangePassword: boolean; lastSignInAt: string | null; grants: TGrant[] };
type TSessionView = { id: string; clientIp: string; userAgent: string; isCurrent: boolean };
type TUserDetail = { user: TUserRow; grants: TGrant[]; sessions: TSessionView[] };

const USERS = "/api/console/admin/users";

let admin: TConsoleClient;
beforeAll(async () => {
  admin = await signedInGlobalAdmin();
});

async function userRow(username: string) {
  const [row] = await sql<{ id: number; must_change_password: boolean; disabled_at: Date | null; is_global_admin: boolean; password_hash: string; display_name: string }>(`SELECT * FROM "user" WHERE username = $1`, [username]);
  return row;
}

async function sessionCount(userId: number): Promise<number> {
  const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM session WHERE user_id = $1`, [userId]);
  return row.n;
}

describe("who may administer users", () => {
  it("refuses users who are not global administrators, and anonymous callers, changing nothing", async () => {
    const businessAdmin = await signedInUser({ roles: [{ bizId: DEMO_BIZ, role: "admin" }] });
    expectRefused(await businessAdmin.call("GET", USERS), 403, "FORBIDDEN", /not a global administrator/);
    const username = uniqueName("sneaky");
    expectRefused(await businessAdmin.call("POST", USERS, { body: { username, password: "a-long-password-1" } }), 403, "FORBIDDEN");
    expectRefused(await businessAdmin.call("PATCH", `${USERS}/${businessAdmin.userId}`, { body: { isGlobalAdmin: true } }), 403, "FORBIDDEN");
    expectRefused(await consoleCall("GET", USERS), 401, "UNAUTHENTICATED");
    expect(await userRow(username)).toBeUndefined();
    expect((await userRow(businessAdmin.username)).is_global_admin).toBe(false);
  });
});

describe("creating users", () => {
  it("creates a user with a chosen password, who must change it; neither the reply nor the audit holds a secret", async () => {
    const username = uniqueName("alice");
    const password = "initial-password-42";
    const reply = await admin.call("POST", USERS, { body: { username, displayName: "Alice Ops", password } });
    const created = expectOk<{ user: TUserRow; generatedPassword?: string }>(reply, 201);
    expect(created.user).toMatchObject({ username, displayName: "Alice Ops", isGlobalAdmin: false, isDisabled: false, mustChangePassword: true, lastSignInAt: null });
    expect(created.generatedPassword).toBeUndefined();
    const row = await userRow(username);
    expect(row.must_change_password).toBe(true);
    expect(reply.text).not.toContain(password);
    expect(reply.text).not.toContain(row.password_hash);

    const [entry] = await auditOf("user", created.user.id);
    expect(entry).toMatchObject({ actor: admin.username, action: "create", bk_biz_id: null, object_name: username });
    expect(JSON.stringify(entry)).not.toContain(password);
    expect(JSON.stringify(entry)).not.toContain("scrypt$");

    const signedIn = await signInWith(username, password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.data).toEqual({ username, mustChangePassword: true });
  });

  it("generates a password when none is given and shows it only in the creation reply", async () => {
    const username = uniqueName("bob");
    const created = expectOk<{ user: TUserRow; generatedPassword: string }>(await admin.call("POST", USERS, { body: { username } }), 201);
    expect(created.generatedPassword).toMatch(/^[\w-]{16,}$/);
    const detail = await admin.call("GET", `${USERS}/${created.user.id}`);
    expect(detail.text).not.toContain(created.generatedPassword);
    expect((await signInWith(username, created.generatedPassword)).status).toBe(200);
  });

  it("refuses a taken username and bad input, creating nothing", async () => {
    const existing = await createUser();
    const duplicate = expectRefused(await admin.call("POST", USERS, { body: { username: existing.username, password: "another-password-1" } }), 409, "DUPLICATE", /already taken/);
    expect(duplicate.fields?.username).toMatch(/already taken/);

    const name = uniqueName("carol");
    expectRefused(await admin.call("POST", USERS, { body: { username: "has spaces!", password: "a-long-password-1" } }), 400, "OUT_OF_RANGE", /username/);
    expectRefused(await admin.call("POST", USERS, { body: { username: name, password: "short" } }), 400, "OUT_OF_RANGE", /password/);
    const sameAsName = expectRefused(await admin.call("POST", USERS, { body: { username: `${name}-long`, password: `${name}-long` } }), 400, "FIELD_CHECK_FAILED", /must not be the username/);
    expect(sameAsName.fields?.password).toBeDefined();
    expectRefused(await admin.call("POST", USERS, { body: { username: name, password: "a-long-password-1", role: "admin" } }), 400, "OUT_OF_RANGE", /unknown parameter role/);
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM "user" WHERE username LIKE $1`, [`${name}%`]);
    expect(count.n).toBe(0);
  });
});

describe("listing users", () => {
  it("shows each user's grants, status and last sign-in, filtered by name and status in the query", async () => {
    const prefix = uniqueName("listed");
    const active = await createUser({ prefix: `${prefix}-a`, roles: [{ bizId: DEMO_BIZ, role: "viewer" }] });
    const idle = await createUser({ prefix: `${prefix}-b` });
    await signInAs(active.username, active.password, active.userId);

    const list = expectOk<{ users: TUserRow[]; isTruncated: boolean }>(await admin.call("GET", `${USERS}?q=${prefix}`));
    expect(list.users.map((user) => user.username)).toEqual([active.username, idle.username]);
    expect(list.users[0].grants).toEqual([expect.objectContaining({ bizId: DEMO_BIZ, bizName: "Demo", role: "viewer" })]);
    expect(list.users[0].lastSignInAt).not.toBeNull();
    expect(list.users[1]).toMatchObject({ lastSignInAt: null, grants: [], isDisabled: false });
    expect(JSON.stringify(list)).not.toMatch(/scrypt\$|passwordHash|password_hash/);

    expectOk(await admin.call("PATCH", `${USERS}/${idle.userId}`, { body: { isDisabled: true } }));
    const disabled = expectOk<{ users: TUserRow[] }>(await admin.call("GET", `${USERS}?q=${prefix}&status=disabled`));
    expect(disabled.users.map((user) => user.username)).toEqual([idle.username]);
    const activeOnly = expectOk<{ users: TUserRow[] }>(await admin.call("GET", `${USERS}?q=${prefix}&status=active`));
    expect(activeOnly.users.map((user) => user.username)).toEqual([active.username]);
    expectRefused(await admin.call("GET", `${USERS}?status=banned`), 400, "OUT_OF_RANGE", /status/);
  });
});

describe("roles per business", () => {
  it("grants, changes and revokes a role; the user's next request sees it; each change is audited under its business", async () => {
    const target = await signedInUser({ prefix: "grantee" });
    const processes = `/api/console/businesses/${DEMO_BIZ}/processes`;
    expectRefused(await target.call("GET", processes), 403, "FORBIDDEN");

    const granted = expectOk<TGrant[]>(await admin.call("PUT", `${USERS}/${target.userId}/roles/${DEMO_BIZ}`, { body: { role: "viewer" } }));
    expect(granted).toEqual([expect.objectContaining({ bizId: DEMO_BIZ, bizName: "Demo", role: "viewer", grantedBy: admin.username })]);
    expectOk(await target.call("GET", processes));
    expectRefused(await target.call("POST", processes, { body: { bk_process_name: uniqueName("p"), bk_func_name: "x" } }), 403, "FORBIDDEN", /admin role/);

    expectOk(await admin.call("PUT", `${USERS}/${target.userId}/roles/${DEMO_BIZ}`, { body: { role: "admin" } }));
    expectOk(await target.call("POST", processes, { body: { bk_process_name: uniqueName("granted"), bk_func_name: "x" } }), 201);

    expect(expectOk<TGrant[]>(await admin.call("DELETE", `${USERS}/${target.userId}/roles/${DEMO_BIZ}`))).toEqual([]);
    expectRefused(await target.call("GET", processes), 403, "FORBIDDEN");

    const entries = await auditOf("user_role", `${target.userId}:${DEMO_BIZ}`);
    expect(entries.map((entry) => [entry.action, entry.bk_biz_id, entry.before?.role ?? null, entry.after?.role ?? null])).toEqual([
      ["grant", DEMO_BIZ, null, "viewer"],
      ["change", DEMO_BIZ, "viewer", "admin"],
      ["revoke", DEMO_BIZ, "admin", null],
    ]);
  });

  it("grants a role in every business with bizId 0, audited under no business", async () => {
    const target = await signedInUser({ prefix: "everywhere" });
    const grants = expectOk<TGrant[]>(await admin.call("PUT", `${USERS}/${target.userId}/roles/0`, { body: { role: "viewer" } }));
    expect(grants).toEqual([expect.objectContaining({ bizId: 0, bizName: null, role: "viewer" })]);
    expectOk(await target.call("GET", `/api/console/businesses/${DEMO_BIZ}/processes`));
    const [entry] = await auditOf("user_role", `${target.userId}:0`);
    expect(entry).toMatchObject({ action: "grant", bk_biz_id: null });
  });

  it("refuses an unknown business, a bad id or role, and revoking a role the user does not hold, granting nothing", async () => {
    const target = await createUser();
    expectRefused(await admin.call("PUT", `${USERS}/${target.userId}/roles/2147480000`, { body: { role: "viewer" } }), 404, "NOT_FOUND", /business 2147480000 does not exist/);
    expectRefused(await admin.call("PUT", `${USERS}/${target.userId}/roles/-1`, { body: { role: "viewer" } }), 400, "BAD_PATH_PARAM", /bk_biz_id/);
    expectRefused(await admin.call("PUT", `${USERS}/${target.userId}/roles/${DEMO_BIZ}`, { body: { role: "owner" } }), 400, "OUT_OF_RANGE", /role/);
    expectRefused(await admin.call("DELETE", `${USERS}/${target.userId}/roles/${DEMO_BIZ}`), 404, "NOT_FOUND", /holds no role in business/);
    expectRefused(await admin.call("PUT", `${USERS}/2147480000/roles/${DEMO_BIZ}`, { body: { role: "viewer" } }), 404, "NOT_FOUND", /user 2147480000 does not exist/);
    const roles = await sql(`SELECT 1 FROM user_role WHERE user_id = $1`, [target.userId]);
    expect(roles).toEqual([]);
  });
});

describe("password reset", () => {
  it("gives a new password once, ends every session, stops the old password and requires a change", async () => {
    const target = await createUserViaApi(admin);
    const first = (await signInWith(target.username, target.password)).client!;
    const second = (await signInWith(target.username, target.password)).client!;

    const reply = await admin.call("POST", `${USERS}/${target.userId}/password-reset`);
    const reset = expectOk<{ generatedPassword: string; revokedSessions: number }>(reply);
    expect(reset.revokedSessions).toBe(2);
    expect(reset.generatedPassword).toMatch(/^[\w-]{16,}$/);
    expectRefused(await first.call("GET", "/api/console/session"), 401, "UNAUTHENTICATED");
    expectRefused(await second.call("GET", "/api/console/session"), 401, "UNAUTHENTICATED");

    expect((await signInWith(target.username, target.password)).status).toBe(401);
    const again = await signInWith(target.username, reset.generatedPassword);
    expect(again.body.data).toEqual({ username: target.username, mustChangePassword: true });

    const entries = await auditOf("user", target.userId);
    expect(entries.map((entry) => entry.action)).toEqual(["create", "reset_password"]);
    const revoked = (await auditOf("session", target.userId)).filter((entry) => entry.action === "revoke_all");
    expect(revoked).toEqual([expect.objectContaining({ actor: admin.username, after: { revoked: 2, reason: "password reset" } })]);
    expect(JSON.stringify(entries)).not.toContain(reset.generatedPassword);
  });

  it("refuses to reset one's own password here", async () => {
    const before = (await userRow(admin.username)).password_hash;
    expectRefused(await admin.call("POST", `${USERS}/${admin.userId}/password-reset`), 400, "FIELD_CHECK_FAILED", /own password/);
    expect((await userRow(admin.username)).password_hash).toBe(before);
    expectOk(await admin.call("GET", "/api/console/session"));
  });
});

describe("disabling, enabling and the global admin flag", () => {
  it("disabling signs the user out everywhere and refuses sign-in; enabling lets them in again", async () => {
    const created = await createUser({ prefix: "leaver" });
    const target = await signInAs(created.username, created.password, created.userId);
    const user = expectOk<TUserRow>(await admin.call("PATCH", `${USERS}/${target.userId}`, { body: { isDisabled: true, displayName: "Leaver" } }));
    expect(user).toMatchObject({ isDisabled: true, displayName: "Leaver" });
    expectRefused(await target.call("GET", "/api/console/session"), 401, "UNAUTHENTICATED");
    expect(await sessionCount(target.userId)).toBe(0);
    expect((await signInWith(created.username, created.password)).status).toBe(401);

    expectOk(await admin.call("PATCH", `${USERS}/${target.userId}`, { body: { isDisabled: false } }));
    expect((await signInWith(created.username, created.password)).status).toBe(200);
    const actions = (await auditOf("user", target.userId)).map((entry) => entry.action);
    expect(actions).toEqual(["update", "disable", "enable"]);
  });

  it("makes another user a global administrator and takes it back", async () => {
    const target = await signedInUser({ prefix: "promoted" });
    expectRefused(await target.call("GET", USERS), 403, "FORBIDDEN");
    expectOk(await admin.call("PATCH", `${USERS}/${target.userId}`, { body: { isGlobalAdmin: true } }));
    expectOk(await target.call("GET", USERS));
    expectOk(await admin.call("PATCH", `${USERS}/${target.userId}`, { body: { isGlobalAdmin: false } }));
    expectRefused(await target.call("GET", USERS), 403, "FORBIDDEN");
    expect((await auditOf("user", target.userId)).map((entry) => entry.action)).toEqual(["grant_global_admin", "revoke_global_admin"]);
  });

  it("refuses a global admin removing their own flag or disabling themselves, so nobody locks everyone out", async () => {
    const flag = expectRefused(await admin.call("PATCH", `${USERS}/${admin.userId}`, { body: { isGlobalAdmin: false } }), 400, "FIELD_CHECK_FAILED", /cannot remove your own global administrator flag/);
    expect(flag.fields?.isGlobalAdmin).toBeDefined();
    expectRefused(await admin.call("PATCH", `${USERS}/${admin.userId}`, { body: { isDisabled: true } }), 400, "FIELD_CHECK_FAILED", /cannot disable your own account/);
    const row = await userRow(admin.username);
    expect(row.is_global_admin).toBe(true);
    expect(row.disabled_at).toBeNull();
    expectOk(await admin.call("GET", USERS));
    expect(await auditOf("user", admin.userId)).toEqual([]);
  });

  it("refuses an empty change, an unknown field, an unknown user and a bad id", async () => {
    const target = await createUser();
    expectRefused(await admin.call("PATCH", `${USERS}/${target.userId}`, { body: {} }), 400, "OUT_OF_RANGE", /at least one/);
    expectRefused(await admin.call("PATCH", `${USERS}/${target.userId}`, { body: { username: "renamed" } }), 400, "OUT_OF_RANGE", /unknown parameter username/);
    expectRefused(await admin.call("PATCH", `${USERS}/2147480000`, { body: { displayName: "x" } }), 404, "NOT_FOUND", /user 2147480000/);
    expectRefused(await admin.call("GET", `${USERS}/abc`), 400, "BAD_PATH_PARAM", /userId/);
    expect((await userRow(target.username)).display_name).toBe("");
  });
});

describe("a user's sessions", () => {
  it("lists where each session was opened, never a token or its hash", async () => {
    const target = await createUser({ prefix: "roamer" });
    await signInWith(target.username, target.password, { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36" });
    await signInWith(target.username, target.password, { "user-agent": "curl/8.5.0" });

    const reply = await admin.call("GET", `${USERS}/${target.userId}/sessions`);
    const sessions = expectOk<TSessionView[]>(reply);
    expect(sessions.map((session) => session.userAgent).sort()).toEqual(["Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36", "curl/8.5.0"]);
    expect(sessions.every((session) => /^[0-9a-f]{24}$/.test(session.id) && !session.isCurrent)).toBe(true);
    const hashes = await sql<{ token_hash: string; csrf_token: string }>(`SELECT token_hash, csrf_token FROM session WHERE user_id = $1`, [target.userId]);
    for (const row of hashes) {
      expect(reply.text).not.toContain(row.token_hash);
      expect(reply.text).not.toContain(row.csrf_token);
    }
    const detail = expectOk<TUserDetail>(await admin.call("GET", `${USERS}/${target.userId}`));
    expect(detail.sessions).toHaveLength(2);
  });

  it("ends one session, then all of them; ending what is gone changes nothing", async () => {
    const target = await createUser({ prefix: "revokee" });
    const kept = (await signInWith(target.username, target.password, { "user-agent": "kept-agent" })).client!;
    const ended = (await signInWith(target.username, target.password, { "user-agent": "ended-agent" })).client!;
    const sessions = expectOk<TSessionView[]>(await admin.call("GET", `${USERS}/${target.userId}/sessions`));
    const victim = sessions.find((session) => session.userAgent === "ended-agent")!;

    expect(expectOk(await admin.call("DELETE", `${USERS}/${target.userId}/sessions/${victim.id}`))).toEqual({ revoked: 1 });
    expectRefused(await ended.call("GET", "/api/console/session"), 401, "UNAUTHENTICATED");
    expectOk(await kept.call("GET", "/api/console/session"));
    expect(expectOk(await admin.call("DELETE", `${USERS}/${target.userId}/sessions/${victim.id}`))).toEqual({ revoked: 0 });

    expect(expectOk(await admin.call("DELETE", `${USERS}/${target.userId}/sessions`))).toEqual({ revoked: 1 });
    expectRefused(await kept.call("GET", "/api/console/session"), 401, "UNAUTHENTICATED");
    expectRefused(await admin.call("DELETE", `${USERS}/${target.userId}/sessions/not-a-session`), 400, "BAD_PATH_PARAM", /sessionId/);

    const entries = await auditOf("session", target.userId);
    expect(entries.filter((entry) => entry.action.startsWith("revoke")).map((entry) => [entry.action, entry.after?.revoked])).toEqual([
      ["revoke", 1],
      ["revoke_all", 1],
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/[0-9a-f]{64}/);
  });
});
