// User and API app administration (global administrators only) and the signed-in user's own account.
// Destructive cases make a throw-away user or app of their own in `build`.
import { randomBytes } from "node:crypto";
import { hashSessionToken, sessionPublicId } from "@/lib/access/session-policy";
import { sql, uniqueName } from "../../support/cmdb-client";
import { createApp, createUser } from "../../support/principals";
import type { TRouteCase } from "../route-case";

const USERS = "/api/console/admin/users";
const APPS = "/api/console/admin/apps";

/** A session row for a throw-away user, as a sign-in would leave it; returns its public id. */
async function insertSession(userId: number): Promise<string> {
  const tokenHash = hashSessionToken(randomBytes(32).toString("base64url"));
  await sql(`INSERT INTO session (token_hash, user_id, csrf_token, expires_at) VALUES ($1, $2, 'mx', now() + interval '1 hour')`, [tokenHash, userId]);
  return sessionPublicId(tokenHash);
}

const adminCase = (route: string, method: TRouteCase["method"], build: TRouteCase["build"]): TRouteCase => ({ route, method, surface: "console", needs: "global-admin", build });

export const ADMIN_CASES: TRouteCase[] = [
  adminCase(USERS, "GET", () => ({ path: `${USERS}?q=mx` })),
  adminCase(USERS, "POST", () => ({ path: USERS, body: { username: uniqueName("mx-new"), password: "matrix-password-1" } })),
  adminCase(`${USERS}/[userId]`, "GET", async () => ({ path: `${USERS}/${(await createUser({ prefix: "mx-target" })).userId}` })),
  adminCase(`${USERS}/[userId]`, "PATCH", async () => ({ path: `${USERS}/${(await createUser({ prefix: "mx-target" })).userId}`, body: { displayName: "matrix" } })),
  adminCase(`${USERS}/[userId]/password-reset`, "POST", async () => ({ path: `${USERS}/${(await createUser({ prefix: "mx-target" })).userId}/password-reset` })),
  adminCase(`${USERS}/[userId]/roles/[grantBizId]`, "PUT", async ({ bizId }) => ({ path: `${USERS}/${(await createUser({ prefix: "mx-target" })).userId}/roles/${bizId}`, body: { role: "viewer" } })),
  adminCase(`${USERS}/[userId]/roles/[grantBizId]`, "DELETE", async ({ bizId }) => ({ path: `${USERS}/${(await createUser({ prefix: "mx-target", roles: [{ bizId, role: "viewer" }] })).userId}/roles/${bizId}` })),
  adminCase(`${USERS}/[userId]/sessions`, "GET", async () => ({ path: `${USERS}/${(await createUser({ prefix: "mx-target" })).userId}/sessions` })),
  adminCase(`${USERS}/[userId]/sessions`, "DELETE", async () => {
    const user = await createUser({ prefix: "mx-target" });
    await insertSession(user.userId);
    return { path: `${USERS}/${user.userId}/sessions` };
  }),
  adminCase(`${USERS}/[userId]/sessions/[sessionId]`, "DELETE", async () => {
    const user = await createUser({ prefix: "mx-target" });
    return { path: `${USERS}/${user.userId}/sessions/${await insertSession(user.userId)}` };
  }),

  adminCase(APPS, "GET", () => ({ path: APPS })),
  adminCase(APPS, "POST", () => ({ path: APPS, body: { code: uniqueName("mx").slice(0, 32), description: "matrix" } })),
  adminCase(`${APPS}/[appId]`, "GET", async () => ({ path: `${APPS}/${(await createApp()).appId}` })),
  adminCase(`${APPS}/[appId]`, "PATCH", async () => ({ path: `${APPS}/${(await createApp()).appId}`, body: { description: "matrix" } })),
  adminCase(`${APPS}/[appId]`, "DELETE", async () => ({ path: `${APPS}/${(await createApp()).appId}` })),
  adminCase(`${APPS}/[appId]/secret`, "POST", async () => ({ path: `${APPS}/${(await createApp()).appId}/secret` })),
  adminCase(`${APPS}/[appId]/roles/[grantBizId]`, "PUT", async ({ bizId }) => ({ path: `${APPS}/${(await createApp()).appId}/roles/${bizId}`, body: { role: "viewer" } })),
  adminCase(`${APPS}/[appId]/roles/[grantBizId]`, "DELETE", async ({ bizId }) => ({ path: `${APPS}/${(await createApp([{ bizId, role: "viewer" }])).appId}/roles/${bizId}` })),

  { route: "/api/console/account", method: "GET", surface: "console", needs: "signed-in", build: () => ({ path: "/api/console/account" }) },
  {
    route: "/api/console/account/password",
    method: "POST",
    surface: "console",
    needs: "signed-in",
    // the matrix does not hand the caller's password to `build`, and changing it would break the
    // caller's next sign-in: a wrong current password is refused (400) after the identity check passed
    note: "a wrong current password: 400 FIELD_CHECK_FAILED for every signed-in caller",
    build: () => ({ path: "/api/console/account/password", body: { currentPassword: "not-the-current-password", newPassword: "matrix-new-password-1" } }),
  },
  // "sign out everywhere else": the caller's own session stays
  { route: "/api/console/account/sessions", method: "DELETE", surface: "console", needs: "signed-in", build: () => ({ path: "/api/console/account/sessions" }) },
  // a session id that is not the caller's: revokes nothing, answers {revoked: 0}
  { route: "/api/console/account/sessions/[sessionId]", method: "DELETE", surface: "console", needs: "signed-in", build: () => ({ path: `/api/console/account/sessions/${randomBytes(12).toString("hex")}` }) },
];
