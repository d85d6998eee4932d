// Shared steps of the user, app, account and sign-in throttle tests: the console envelope typed as it
// is, sign-in with chosen headers (user agent, x-forwarded-for), and audit rows of access objects.
import { expect } from "vitest";
import { BASE_URL, expectNoLeak, sql, uniqueName } from "./cmdb-client";
import { consoleCall, signedInUser, type TConsoleClient, type TConsoleReply } from "./principals";

export type TConsoleFailure = { code: number; kind: string; message: string; fields?: Record<string, string> };
type TEnvelope = { ok: boolean; data?: unknown; error?: TConsoleFailure };

/** The data of a console success with this status. */
export function expectOk<T>(reply: TConsoleReply, status = 200): T {
  const body = reply.body as unknown as TEnvelope;
  expect(body.ok, reply.text).toBe(true);
  expect(reply.status, reply.text).toBe(status);
  return body.data as T;
}

/** A console refusal with this status and kind whose message matches every pattern; returns the error. */
export function expectRefused(reply: TConsoleReply, status: number, kind: string, ...patterns: (string | RegExp)[]): TConsoleFailure {
  const body = reply.body as unknown as TEnvelope;
  expect(body.ok, reply.text).toBe(false);
  expect(reply.status, reply.text).toBe(status);
  expect(body.error?.kind, reply.text).toBe(kind);
  for (const pattern of patterns) expect(body.error?.message, reply.text).toMatch(pattern);
  expectNoLeak(reply.text);
  return body.error as TConsoleFailure;
}

export type TSignInReply = { status: number; body: TEnvelope; text: string; client: TConsoleClient | null };

/** POST /api/console/session with extra headers; a client when it succeeded. */
export async function signInWith(username: string, password: string, headers: Record<string, string> = {}): Promise<TSignInReply> {
  const response = await fetch(`${BASE_URL}/api/console/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE_URL, ...headers },
    body: JSON.stringify({ username, password }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as TEnvelope;
  if (response.status !== 200) return { status: response.status, body, text, client: null };
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const cookieHeader = cookies.join("; ");
  const csrfToken = cookies.find((cookie) => cookie.startsWith("procdeck_csrf="))?.split("=")[1] ?? "";
  const [user] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE username = $1`, [username]);
  const client: TConsoleClient = {
    userId: user.id,
    username,
    cookieHeader,
    csrfToken,
    call: (method, path, options = {}) => consoleCall(method, path, { cookieHeader, csrfToken: options.csrf === false ? undefined : csrfToken, body: options.body, rawBody: options.rawBody }),
  };
  return { status: response.status, body, text, client };
}

/** A fresh global administrator of the test's own, so the shared `admin` is never touched. */
export function signedInGlobalAdmin(): Promise<TConsoleClient> {
  return signedInUser({ isGlobalAdmin: true, prefix: "gadmin" });
}

export type TAccessAuditRow = { bk_biz_id: number | null; actor: string; object_id: string; object_name: string; action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

export async function auditOf(objectType: string, objectId: string | number): Promise<TAccessAuditRow[]> {
  return sql<TAccessAuditRow>(`SELECT bk_biz_id, actor, object_id, object_name, action, before, after FROM audit_entry WHERE object_type = $1 AND object_id = $2 ORDER BY id`, [objectType, String(objectId)]);
}

/** A new user created through the admin API, with the password it was given. */
export async function createUserViaApi(admin: TConsoleClient, options: { password?: string; prefix?: string } = {}) {
  const username = uniqueName(options.prefix ?? "u");
  const password = options.password ?? `pw-${uniqueName("x")}`;
  const created = expectOk<{ user: { id: number; username: string; mustChangePassword: boolean } }>(await admin.call("POST", "/api/console/admin/users", { body: { username, password } }), 201);
  return { userId: created.user.id, username, password };
}
