// Users and apps with chosen roles, made straight in the database (the way an admin's grant ends up),
// then used over real HTTP: a signed-in console client with its cookie and CSRF token, or app
// credentials for the CMDB / ESB surfaces.
import { hashPassword, hashToken } from "@/lib/access/secret-hash";
import type { TRole } from "@/lib/access/permissions";
import { BASE_URL, sql, uniqueName } from "./cmdb-client";

export type TGrant = { bizId: number; role: TRole };

/** The console envelope (lib/api/console-envelope.ts). */
export type TConsoleEnvelope<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: number; kind: string; message: string; fields?: Record<string, string> } };
export type TConsoleReply<T = unknown> = { status: number; body: TConsoleEnvelope<T>; text: string; headers: Headers };

export type TConsoleClient = {
  userId: number;
  username: string;
  /** a console API call as this user: cookie always, CSRF header on writes unless `csrf: false` */
  call: <T = unknown>(method: string, path: string, options?: { body?: unknown; csrf?: boolean; rawBody?: string }) => Promise<TConsoleReply<T>>;
  cookieHeader: string;
  csrfToken: string;
};

export type TAppCredentials = { appId: number; code: string; secret: string };

const PASSWORD = "role-test-password-123";

export async function createUser(options: { roles?: TGrant[]; isGlobalAdmin?: boolean; prefix?: string } = {}): Promise<{ userId: number; username: string; password: string }> {
  const username = uniqueName(options.prefix ?? "user");
  const [user] = await sql<{ id: number }>(`INSERT INTO "user" (username, password_hash, is_global_admin) VALUES ($1, $2, $3) RETURNING id`, [
    username,
    await hashPassword(PASSWORD),
    options.isGlobalAdmin ?? false,
  ]);
  for (const grant of options.roles ?? []) {
    await sql(`INSERT INTO user_role (user_id, bk_biz_id, role, granted_by) VALUES ($1, $2, $3, 'test')`, [user.id, grant.bizId, grant.role]);
  }
  return { userId: user.id, username, password: PASSWORD };
}

/** A new user with these roles, signed in through the real sign-in route. */
export async function signedInUser(options: { roles?: TGrant[]; isGlobalAdmin?: boolean; prefix?: string } = {}): Promise<TConsoleClient> {
  const user = await createUser(options);
  return signInAs(user.username, user.password, user.userId);
}

export async function signInAs(username: string, password: string, userId: number): Promise<TConsoleClient> {
  const response = await fetch(`${BASE_URL}/api/console/session`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: BASE_URL },
    body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}: ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const cookieHeader = cookies.join("; ");
  const csrfToken = cookies.find((cookie) => cookie.startsWith("procdeck_csrf="))?.split("=")[1] ?? "";
  return {
    userId,
    username,
    cookieHeader,
    csrfToken,
    call: (method, path, options = {}) => consoleCall(method, path, { cookieHeader, csrfToken: options.csrf === false ? undefined : csrfToken, body: options.body, rawBody: options.rawBody }),
  };
}

export async function consoleCall<T = unknown>(
  method: string,
  path: string,
  options: { cookieHeader?: string; csrfToken?: string; body?: unknown; rawBody?: string } = {},
): Promise<TConsoleReply<T>> {
  const headers: Record<string, string> = { origin: BASE_URL };
  if (options.cookieHeader) headers.cookie = options.cookieHeader;
  if (options.csrfToken && method !== "GET") headers["x-csrf-token"] = options.csrfToken;
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${BASE_URL}${path}`, { method, headers, body: payload });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text), text, headers: response.headers };
  } catch {
    throw new Error(`${method} ${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
}

/** A new API app with these roles (none: it authenticates but may do nothing). */
export async function createApp(roles: TGrant[] = []): Promise<TAppCredentials> {
  const code = uniqueName("app");
  const secret = `secret-${code}-0123456789abcdef`;
  const [app] = await sql<{ id: number }>(`INSERT INTO api_app (code, secret_hash, created_by) VALUES ($1, $2, 'test') RETURNING id`, [code, hashToken(secret)]);
  for (const grant of roles) {
    await sql(`INSERT INTO app_role (app_id, bk_biz_id, role, granted_by) VALUES ($1, $2, $3, 'test')`, [app.id, grant.bizId, grant.role]);
  }
  return { appId: app.id, code, secret };
}

/** The X-Bkapi-Authorization header of an app, acting as `operator`. */
export function appAuthHeaders(app: TAppCredentials, operator = "tester"): Record<string, string> {
  return { "X-Bkapi-Authorization": JSON.stringify({ bk_app_code: app.code, bk_app_secret: app.secret, bk_username: operator }) };
}
