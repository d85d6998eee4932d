// API callers present BlueKing app credentials: in X-Bkapi-Authorization, the query string or the
// JSON body (ESB style). The operator is bk_username or the BK_User header. Behind the BlueKing API
// gateway (PROCDECK_APIGW_PUBLIC_KEY set), a valid X-Bkapi-JWT names app and user instead.
import "server-only";
import { readGatewayIdentity, type TGatewayIdentity } from "@/lib/access/apigw-jwt";
import { ApiError } from "@/lib/core/errors";
import { toRoleMap, type TPrincipal, type TRoleMap } from "@/lib/access/permissions";
import { verifyToken } from "@/lib/access/secret-hash";
import { announceChange, SharedCache } from "@/lib/core/change-feed";
import { getDb, type TTx } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

export type TAppCaller = { kind: "app"; appId: number; appCode: string; operator: string; principal: TPrincipal };

/** The ESB common arguments: credentials, never process attributes. */
export const CREDENTIAL_FIELDS = ["bk_app_code", "bk_app_secret", "bk_username", "bk_token", "bk_supplier_id"] as const;

/** What authentication reads of a request: its headers and its URL's query string. */
export type TRequestMeta = Pick<Request, "headers" | "url">;

type TCredentials = { appCode?: string; appSecret?: string; username?: string };

// A verified secret and the app's roles are reused until any instance announces a change of any app
// (lib/core/change-feed.ts): the change takes effect on every instance when it commits.
const LAST_USED_EVERY_MS = 60_000;
type TVerifiedApp = { appId: number; roles: TRoleMap };
const verified = new SharedCache<TVerifiedApp | null>("api-apps");

/** Apps named by a gateway JWT, by code: the gateway has checked the secret, so only existence, revocation and roles. */
const gatewayApps = new SharedCache<TVerifiedApp | null>("api-apps");

/**
 * Inside the transaction that changes any app's secret, revocation or roles: every instance forgets
 * its verified apps when it commits. Call forgetVerifiedApps() after the commit too, so this
 * instance's very next request does not wait for the notice to arrive.
 */
export async function announceAppsChanged(tx: TTx): Promise<void> {
  await announceChange(tx, "api-apps");
}

export function forgetVerifiedApps(): void {
  verified.forget(null);
  gatewayApps.forget(null);
}
const lastUsedWritten = new Map<number, number>();

export async function authenticateApp(req: TRequestMeta, body: unknown): Promise<TAppCaller> {
  const gateway = await readGatewayIdentity(req);
  if (gateway) return authenticateGatewayCaller(gateway);

  const credentials = readCredentials(req, body);
  if (!credentials.appCode || !credentials.appSecret) {
    throw new ApiError("UNAUTHENTICATED", text("bk_app_code and bk_app_secret are required", "缺少 bk_app_code 或 bk_app_secret"));
  }
  const app = await verifyApp(credentials.appCode, credentials.appSecret);
  if (app === null) {
    throw new ApiError("UNAUTHENTICATED", text("unknown app or wrong secret", "应用不存在或密钥错误"));
  }
  const operator = credentials.username ?? req.headers.get("bk_user") ?? req.headers.get("bk-user") ?? "";
  if (!operator.trim()) throw new ApiError("MISSING_OPERATOR", text("set bk_username or the BK_User header", "请提供 bk_username 或 BK_User 请求头"));
  recordLastUse(app.appId);
  const principal: TPrincipal = { kind: "app", id: app.appId, name: credentials.appCode, roles: app.roles };
  return { kind: "app", appId: app.appId, appCode: credentials.appCode, operator: operator.trim(), principal };
}

// The token names the user, as bk-cmdb takes it (it overwrites BK_User with the token's username):
// a caller cannot act as someone else by sending another BK_User.
async function authenticateGatewayCaller(gateway: TGatewayIdentity): Promise<TAppCaller> {
  const app = await findGatewayApp(gateway.appCode);
  if (app === null) {
    throw new ApiError("UNAUTHENTICATED", text(`app '${gateway.appCode}' named by X-Bkapi-JWT is unknown or revoked here`, `X-Bkapi-JWT 中的应用 '${gateway.appCode}' 在此不存在或已吊销`));
  }
  recordLastUse(app.appId);
  const principal: TPrincipal = { kind: "app", id: app.appId, name: gateway.appCode, roles: app.roles };
  return { kind: "app", appId: app.appId, appCode: gateway.appCode, operator: gateway.username, principal };
}

function findGatewayApp(code: string): Promise<TVerifiedApp | null> {
  return gatewayApps.get(code, async () => {
    const app = await getDb().apiApp.findUnique({ where: { code }, select: { id: true, revokedAt: true, roles: { select: { bizId: true, role: true } } } });
    if (!app || app.revokedAt) return null;
    return { appId: app.id, roles: toRoleMap(app.roles) };
  });
}

function readCredentials(req: TRequestMeta, body: unknown): TCredentials {
  const header = req.headers.get("x-bkapi-authorization");
  if (header) {
    try {
      const parsed = JSON.parse(header) as Record<string, unknown>;
      return { appCode: str(parsed.bk_app_code), appSecret: str(parsed.bk_app_secret), username: str(parsed.bk_username) };
    } catch {
      throw new ApiError("UNAUTHENTICATED", text("X-Bkapi-Authorization is not a JSON object", "X-Bkapi-Authorization 不是 JSON 对象"));
    }
  }
  const query = new URL(req.url).searchParams;
  const fromBody = isRecord(body) ? body : {};
  return {
    appCode: str(fromBody.bk_app_code) ?? str(query.get("bk_app_code")),
    appSecret: str(fromBody.bk_app_secret) ?? str(query.get("bk_app_secret")),
    username: str(fromBody.bk_username) ?? str(query.get("bk_username")),
  };
}

function verifyApp(code: string, secret: string): Promise<TVerifiedApp | null> {
  return verified.get(`${code}\u0000${secret}`, async () => {
    const app = await getDb().apiApp.findUnique({
      where: { code },
      select: { id: true, secretHash: true, revokedAt: true, roles: { select: { bizId: true, role: true } } },
    });
    if (!app || app.revokedAt || !verifyToken(secret, app.secretHash)) return null;
    return { appId: app.id, roles: toRoleMap(app.roles) };
  });
}

// Bookkeeping for "last used", written at most once a minute per app and never on the request path.
function recordLastUse(appId: number) {
  const now = Date.now();
  if ((lastUsedWritten.get(appId) ?? 0) + LAST_USED_EVERY_MS > now) return;
  lastUsedWritten.set(appId, now);
  getDb()
    .apiApp.update({ where: { id: appId }, data: { lastUsedAt: new Date(now) } })
    .catch((error: unknown) => console.error("[procdeck] could not record app use", error));
}

export function stripCredentialFields(body: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...body };
  for (const field of CREDENTIAL_FIELDS) delete copy[field];
  return copy;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function actorOf(caller: TAppCaller) {
  return { type: "app" as const, name: caller.operator, appCode: caller.appCode };
}
