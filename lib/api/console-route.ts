// Every console route (/api/console/...) goes through here: session cookie → user and roles, CSRF
// check on writes, the route's `access` checked against the business of the path (lib/access/
// permissions.ts), size-capped JSON body and query parsed with zod, then one lib/ call whose result
// becomes the console envelope.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { timingSafeEqual } from "node:crypto";
import { assertCan, assertGlobalAdmin, type TBizAction, type TPrincipal } from "@/lib/access/permissions";
import { readSession, type TSession, type TSessionUser } from "@/lib/access/read-session";
import { CSRF_HEADER, SESSION_COOKIE } from "@/lib/access/session-policy";
import { consoleFailure, consoleSuccess } from "@/lib/api/console-envelope";
import { assertStorableStrings } from "@/lib/api/clean-text";
import { describeZodIssue } from "@/lib/core/describe-zod-issue";
import { ApiError, toApiError } from "@/lib/core/errors";
import { parsePathId } from "@/lib/core/parse-path";
import { readJsonBody } from "@/lib/api/read-json-body";
import { text, type TLang } from "@/lib/core/i18n";
import type { TActor } from "@/lib/core/write-audit-entry";
import { getBusiness } from "@/lib/topology/get-business";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { LANG_COOKIE, LANG_HEADER, pickUiLanguage } from "@/lib/core/ui-language";

type TParams = Record<string, string | undefined>;
type TRouteHandler = (req: NextRequest, route: { params: Promise<TParams> }) => Promise<Response>;

export type TCookieToSet = { name: string; value: string; maxAgeSeconds: number; isHttpOnly: boolean };

/** What every console handler gets, signed in or not. */
type TRequestContext = {
  req: NextRequest;
  params: TParams;
  lang: TLang;
  /** https (directly or behind a proxy that says so): cookies get Secure */
  isSecure: boolean;
  /** cookies for the reply; maxAgeSeconds 0 deletes */
  setCookie: (cookie: TCookieToSet) => void;
};

type TParsed<TBody, TQuery> = { body: TBody; query: TQuery };
type TPublicContext<TBody, TQuery> = TRequestContext & TParsed<TBody, TQuery>;
type TSignedIn = { session: TSession; user: TSessionUser; principal: TPrincipal; actor: TActor; business: TBusinessRef | null };

export type TConsoleContext<TBody = undefined, TQuery = undefined> = TPublicContext<TBody, TQuery> & {
  session: TSession;
  user: TSessionUser;
  /** the user with their roles, for checks beyond the route's own `access` */
  principal: TPrincipal;
  /** who the audit trail names for this request */
  actor: TActor;
  /** the business of the path's [bizId], already checked against the route's `access` */
  business: TBusinessRef;
};

/**
 * What the caller needs. Under [bizId] it is a business action; the default is `view` for reads and
 * `edit` for writes, so a route that forgets to say is the strict kind. `global-admin` is for managing
 * users, apps, businesses and agents; `signed-in` for a user's own things (session, business list).
 */
export type TConsoleAccess = TBizAction | "global-admin" | "signed-in";

type TSpec<TBody, TQuery, TContext> = {
  access?: TConsoleAccess;
  body?: z.ZodType<TBody>;
  query?: z.ZodType<TQuery>;
  /** status of a successful reply (201 for creations) */
  status?: number;
  /** a larger JSON body cap than the 256 KiB default (the CSV import) */
  maxBodyBytes?: number;
  handle: (context: TContext) => Promise<unknown>;
};

type TParsing<TBody, TQuery> = Pick<TSpec<TBody, TQuery, never>, "body" | "query" | "status" | "maxBodyBytes">;

/** A route that needs a signed-in user; writes need the session's CSRF token too. */
export function consoleRoute<TBody = undefined, TQuery = undefined>(spec: TSpec<TBody, TQuery, TConsoleContext<TBody, TQuery>>): TRouteHandler {
  return wrap((request) => authenticate(request, spec.access), spec, (context) => spec.handle(withBusiness(context)));
}

/** A route open without a session (signing in); still refuses cross-site writes. */
export function publicConsoleRoute<TBody = undefined, TQuery = undefined>(spec: TSpec<TBody, TQuery, TPublicContext<TBody, TQuery>>): TRouteHandler {
  return wrap(async () => ({}), spec, spec.handle);
}

async function authenticate(request: TRequestContext, access: TConsoleAccess | undefined): Promise<TSignedIn> {
  const session = await readSession(request.req.cookies.get(SESSION_COOKIE)?.value);
  if (!session) throw new ApiError("UNAUTHENTICATED", text("sign in first (no session, or it has expired)", "请先登录（没有会话或会话已过期）"));
  if (isWrite(request.req)) assertCsrfToken(request.req, session.csrfToken);
  // a password an administrator set must be replaced before anything is changed with it: only the
  // user's own things (change the password, end sessions, sign out) are open until then, as in the UI
  if (session.user.mustChangePassword && isWrite(request.req) && access !== "signed-in") {
    throw new ApiError("FORBIDDEN", text("change your password first (an administrator set it)", "请先修改密码（密码由管理员设置）"));
  }
  const business = await authorise(request, session.principal, access);
  return { session, user: session.user, principal: session.principal, actor: { type: "user", name: session.user.username }, business };
}

/** Order: same-origin check → identity → query and body → the handler. A stranger learns nothing from a 400. */
function wrap<TAuth extends object, TBody, TQuery>(
  authorise: (request: TRequestContext) => Promise<TAuth>,
  parsing: TParsing<TBody, TQuery>,
  handle: (context: TRequestContext & TAuth & TParsed<TBody, TQuery>) => Promise<unknown>,
): TRouteHandler {
  return async (req, route) => {
    const lang = pickUiLanguage(req.headers.get(LANG_HEADER) ?? req.cookies.get(LANG_COOKIE)?.value, req.headers.get("accept-language"));
    const cookies: TCookieToSet[] = [];
    try {
      if (isWrite(req)) assertSameOrigin(req);
      const isSecure = req.nextUrl.protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
      const request: TRequestContext = { req, params: (await route?.params) ?? {}, lang, isSecure, setCookie: (cookie) => cookies.push(cookie) };
      assertStorableStrings(Object.entries(request.params), "path");
      assertStorableStrings(req.nextUrl.searchParams.entries(), "query");
      const auth = await authorise(request);
      const query = parseWith(parsing.query, Object.fromEntries(req.nextUrl.searchParams), "query");
      const body = parseWith(parsing.body, isWrite(req) ? ((await readJsonBody(req, { maxBytes: parsing.maxBodyBytes })) ?? {}) : {}, "body");
      const response = consoleSuccess(await handle({ ...request, ...auth, body, query }), parsing.status);
      for (const cookie of cookies) {
        response.cookies.set(cookie.name, cookie.value, { httpOnly: cookie.isHttpOnly, sameSite: "lax", secure: isSecure, path: "/", maxAge: cookie.maxAgeSeconds });
      }
      return response;
    } catch (error) {
      return consoleFailure(toApiError(error), lang);
    }
  };
}

/** The handler's `business`: routes under [bizId] get it; touching it anywhere else is a programming error. */
function withBusiness<TBody, TQuery>(context: TPublicContext<TBody, TQuery> & TSignedIn): TConsoleContext<TBody, TQuery> {
  const { business, ...rest } = context;
  return Object.defineProperty(rest, "business", {
    enumerable: true,
    get(): TBusinessRef {
      if (!business) throw new Error("this console route has no [bizId] segment");
      return business;
    },
  }) as TConsoleContext<TBody, TQuery>;
}

function parseWith<T>(schema: z.ZodType<T> | undefined, value: unknown, where: "query" | "body"): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiError("OUT_OF_RANGE", describeZodIssue({ ...issue, path: [where, ...issue.path] }));
}

/** Checks the route's access and returns the path's business (null for routes without [bizId]). */
async function authorise(request: TRequestContext, principal: TPrincipal, access: TConsoleAccess | undefined): Promise<TBusinessRef | null> {
  if (access === "global-admin") assertGlobalAdmin(principal);
  if (request.params.bizId === undefined) {
    if (access !== undefined && access !== "global-admin" && access !== "signed-in") throw new Error(`console route with access '${access}' has no [bizId] segment`);
    return null;
  }
  const bizId = parsePathId(request.params.bizId, "bk_biz_id");
  if (access !== "global-admin" && access !== "signed-in") assertCan(principal, access ?? (isWrite(request.req) ? "edit" : "view"), bizId);
  return getBusiness(bizId);
}

function isWrite(req: Request): boolean {
  return req.method !== "GET" && req.method !== "HEAD";
}

/**
 * Browsers name the page that sent a write; one from another site is refused before anything else.
 * The whole origin counts, scheme included: a page on http://console would otherwise write to
 * https://console (a network attacker can serve the plain-http one).
 */
function assertSameOrigin(req: NextRequest) {
  const fetchSite = req.headers.get("sec-fetch-site");
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  // behind a TLS-terminating proxy the request itself is http; the proxy says what the browser used
  const scheme = (req.headers.get("x-forwarded-proto")?.split(",")[0].trim() || req.nextUrl.protocol.replace(/:$/, "")).toLowerCase();
  const isCrossSite = fetchSite === "cross-site" || (origin !== null && origin !== "null" && host !== null && safeOrigin(origin) !== `${scheme}://${host.toLowerCase()}`);
  if (isCrossSite || origin === "null") throw new ApiError("FORBIDDEN", text("cross-site request refused", "拒绝跨站请求"));
}

function safeOrigin(origin: string): string | null {
  try {
    const url = new URL(origin);
    return `${url.protocol.replace(/:$/, "")}://${url.host}`;
  } catch {
    return null;
  }
}

function assertCsrfToken(req: NextRequest, expected: string) {
  const sent = Buffer.from(req.headers.get(CSRF_HEADER) ?? "");
  const wanted = Buffer.from(expected);
  if (sent.length !== wanted.length || !timingSafeEqual(sent, wanted)) {
    throw new ApiError("FORBIDDEN", text(`missing or wrong ${CSRF_HEADER} header; reload the page`, `缺少或错误的 ${CSRF_HEADER} 请求头，请刷新页面`));
  }
}
