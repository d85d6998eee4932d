// A signed-in user's own account: grants and sessions, changing the password (needs the current one,
// clears mustChangePassword, ends the other sessions), signing other sessions out; and sessions in
// general: recorded where they were opened, ended by sign-out, expired by time.
import { describe, expect, it } from "vitest";
import { DEMO_BIZ, sql, uniqueName } from "./support/cmdb-client";
import { consoleCall, createUser, signedInUser } from "./support/principals";
import { auditOf, createUserViaApi, expectOk, expectRefused, signedInGlobalAdmin, signInWith } from "./support/admin-support";

type TSessionView = { id: string; clientIp: string; userAgent: string; createdAt: string; lastSeenAt: string; isCurrent: boolean };
type TAccount = { username: string; isGlobalAdmin: boolean; mustChangePassword: boolean; grants: { bizId: number; role: string }[]; sessions: TSessionView[] };

const ACCOUNT = "/api/console/account";

async function passwordHashOf(userId: number): Promise<string> {
  const [row] = await sql<{ password_hash: string }>(`SELECT password_hash FROM "user" WHERE id = $1`, [userId]);
  return row.password_hash;
}

describe("the account page's data", () => {
  it("shows the user's own grants and sessions, marking the one asking", async () => {
    const user = await createUser({ prefix: "me", roles: [{ bizId: DEMO_BIZ, role: "operator" }] });
    const here = (await signInWith(user.username, user.password, { "user-agent": "here-agent" })).client!;
    await signInWith(user.username, user.password, { "user-agent": "there-agent" });

    const reply = await here.call("GET", ACCOUNT);
    const account = expectOk<TAccount>(reply);
    expect(account).toMatchObject({ username: user.username, isGlobalAdmin: false, mustChangePassword: false, grants: [expect.objectContaining({ bizId: DEMO_BIZ, role: "operator" })] });
    expect(account.sessions.map((session) => [session.userAgent, session.isCurrent]).sort()).toEqual([
      ["here-agent", true],
      ["there-agent", false],
    ]);
    expect(reply.text).not.toMatch(/scrypt\$|[0-9a-f]{64}/);
    expectRefused(await consoleCall("GET", ACCOUNT), 401, "UNAUTHENTICATED");
  });
});

describe("changing one's own password", () => {
  it("needs the current password; bad new ones are refused; nothing changes on a refusal", async () => {
    const user = await signedInUser({ prefix: "changer" });
    const before = await passwordHashOf(user.userId);
    const wrong = expectRefused(await user.call("POST", `${ACCOUNT}/password`, { body: { currentPassword: "not-my-password", newPassword: "brand-new-password-1" } }), 400, "FIELD_CHECK_FAILED", /current password is wrong/);
    expect(wrong.fields?.currentPassword).toBeDefined();
    expectRefused(await user.call("POST", `${ACCOUNT}/password`, { body: { currentPassword: "role-test-password-123", newPassword: "short" } }), 400, "OUT_OF_RANGE", /newPassword/);
    expectRefused(await user.call("POST", `${ACCOUNT}/password`, { body: { currentPassword: "role-test-password-123", newPassword: "role-test-password-123" } }), 400, "FIELD_CHECK_FAILED", /must differ/);
    expectRefused(await user.call("POST", `${ACCOUNT}/password`, { body: { currentPassword: "role-test-password-123", newPassword: user.username } }), 400, "FIELD_CHECK_FAILED", /must not be the username/);
    expectRefused(await user.call("POST", `${ACCOUNT}/password`, { body: { currentPassword: "role-test-password-123", newPassword: "brand-new-password-1" }, csrf: false }), 403, "FORBIDDEN", /x-csrf-token/);
    expect(await passwordHashOf(user.userId)).toBe(before);
    expect((await auditOf("user", user.userId)).filter((entry) => entry.action === "change_password")).toEqual([]);
  });

  it("a user an admin created must change the password; doing so clears the flag and ends the other sessions only", async () => {
    const admin = await signedInGlobalAdmin();
    const created = await createUserViaApi(admin, { password: "given-by-admin-1" });
    expectOk(await admin.call("PUT", `/api/console/admin/users/${created.userId}/roles/${DEMO_BIZ}`, { body: { role: "viewer" } }));

    const signIn = await signInWith(created.username, created.password);
    expect(signIn.body.data).toEqual({ username: created.username, mustChangePassword: true });
    const here = signIn.client!;
    const elsewhere = (await signInWith(created.username, created.password)).client!;
    // the flag steers the console to the account page; the API is not blocked meanwhile
    expectOk(await here.call("GET", `/api/console/businesses/${DEMO_BIZ}/processes`));
    expect(expectOk<{ mustChangePassword: boolean }>(await here.call("GET", "/api/console/session")).mustChangePassword).toBe(true);

    const newPassword = `mine-${uniqueName("pw")}`;
    const changed = expectOk<{ revokedSessions: number }>(await here.call("POST", `${ACCOUNT}/password`, { body: { currentPassword: created.password, newPassword } }));
    expect(changed.revokedSessions).toBe(1);
    expect(expectOk<{ mustChangePassword: boolean }>(await here.call("GET", "/api/console/session")).mustChangePassword).toBe(false);
    expectRefused(await elsewhere.call("GET", "/api/console/session"), 401, "UNAUTHENTICATED");

    expect((await signInWith(created.username, created.password)).status).toBe(401);
    expect((await signInWith(created.username, newPassword)).body.data).toEqual({ username: created.username, mustChangePassword: false });

    const entries = await auditOf("user", created.userId);
    expect(entries.map((entry) => [entry.action, entry.actor])).toEqual([
      ["create", admin.username],
      ["change_password", created.username],
    ]);
    expect(JSON.stringify(await auditOf("session", created.userId))).not.toContain(newPassword);
    expect(JSON.stringify(entries)).not.toContain(newPassword);
  });
});

describe("one's own sessions", () => {
  it("signs out everywhere else, keeping this session", async () => {
    const user = await createUser({ prefix: "multi" });
    const here = (await signInWith(user.username, user.password)).client!;
    const others = [(await signInWith(user.username, user.password)).client!, (await signInWith(user.username, user.password)).client!];

    expect(expectOk(await here.call("DELETE", `${ACCOUNT}/sessions`))).toEqual({ revoked: 2 });
    for (const other of others) expectRefused(await other.call("GET", "/api/console/session"), 401, "UNAUTHENTICATED");
    const account = expectOk<TAccount>(await here.call("GET", ACCOUNT));
    expect(account.sessions.map((session) => session.isCurrent)).toEqual([true]);
    const [entry] = (await auditOf("session", user.userId)).filter((row) => row.action === "revoke_others");
    expect(entry).toMatchObject({ actor: user.username, after: { revoked: 2, reason: "signed out by the user" } });
  });

  it("ends one of its own sessions by id, but never someone else's", async () => {
    const user = await createUser({ prefix: "owner" });
    const here = (await signInWith(user.username, user.password)).client!;
    const phone = (await signInWith(user.username, user.password, { "user-agent": "phone-agent" })).client!;
    const stranger = await signedInUser({ prefix: "stranger" });
    const strangerSession = expectOk<TAccount>(await stranger.call("GET", ACCOUNT)).sessions[0];

    expect(expectOk(await here.call("DELETE", `${ACCOUNT}/sessions/${strangerSession.id}`))).toEqual({ revoked: 0 });
    expectOk(await stranger.call("GET", "/api/console/session"));

    const phoneSession = expectOk<TAccount>(await here.call("GET", ACCOUNT)).sessions.find((session) => session.userAgent === "phone-agent")!;
    expect(expectOk(await here.call("DELETE", `${ACCOUNT}/sessions/${phoneSession.id}`))).toEqual({ revoked: 1 });
    expectRefused(await phone.call("GET", "/api/console/session"), 401, "UNAUTHENTICATED");
    expectOk(await here.call("GET", "/api/console/session"));
  });

  it("records sign-in and sign-out in the audit trail, with where the session was opened", async () => {
    const user = await createUser({ prefix: "audited" });
    const client = (await signInWith(user.username, user.password, { "user-agent": "audit-agent/1.0" })).client!;
    expectOk(await client.call("DELETE", "/api/console/session"));
    const entries = await auditOf("session", user.userId);
    expect(entries.map((entry) => [entry.action, entry.actor, entry.object_name])).toEqual([
      ["sign_in", user.username, user.username],
      ["sign_out", user.username, user.username],
    ]);
    expect(entries[0].after).toMatchObject({ userAgent: "audit-agent/1.0" });
  });
});
