// Every CMDB route (/api/{version}/proc/...) goes through here: version check, size-capped JSON body,
// app authentication, the app's role in the path's business (403 envelope without one), business
// lookup, then one lib/ call whose result becomes the CMDB envelope.
import { NextResponse, type NextRequest } from "next/server";
import { authenticateAppThrottled } from "@/lib/access/app-auth-throttle";
import { isRecord, stripCredentialFields, type TAppCaller, type TRequestMeta } from "@/lib/access/authenticate-app";
import { assertCan, type TBizAction } from "@/lib/access/permissions";
import { assertStorableStrings } from "@/lib/api/clean-text";
import { cmdbFailureText, cmdbSuccessText } from "@/lib/api/cmdb-envelope";
import { ApiError, toApiError } from "@/lib/core/errors";
import { parsePathId } from "@/lib/core/parse-path";
import { readJsonBody } from "@/lib/api/read-json-body";
import { readRequestLanguage, text, type TLang } from "@/lib/core/i18n";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { findBusiness } from "@/lib/topology/find-business";

export const SUPPORTED_VERSION = "v3";

type TMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
type TParams = Record<string, string | undefined>;

export type TCmdbContext = {
  params: TParams;
  /** the JSON body without the ESB credential fields; {} when there was none */
  body: Record<string, unknown>;
  caller: TAppCaller;
  business: TBusinessRef;
  lang: TLang;
};

type TCmdbHandler = (context: TCmdbContext) => Promise<unknown>;
type TRouteHandler = (req: NextRequest, route: { params: Promise<TParams> }) => Promise<Response>;

/** Reads need `view`, writes `edit`; a read sent as POST (search) says so in `access`. */
type TCmdbRouteOptions = { access?: Partial<Record<TMethod, TBizAction>> };

/** A CMDB route's handlers and options: what a route file and the fast path (cmdb-fast-path.ts) both answer with. */
export type TCmdbRoute = { handlers: Partial<Record<TMethod, TCmdbHandler>>; options: TCmdbRouteOptions };

/** What answerCmdbRequest needs of a request, whichever server received it. */
export type TCmdbRequest = {
  method: TMethod;
  params: TParams;
  /** its headers and URL (the query string is read) */
  meta: TRequestMeta;
  readBody: () => Promise<unknown>;
};

/** The reply: a CMDB envelope as JSON text, with its status (and Allow for a 405). */
export type TCmdbReply = { status: number; body: string; allow?: string };

export function defineCmdbRoute(handlers: TCmdbRoute["handlers"], options: TCmdbRouteOptions = {}): Record<TMethod, TRouteHandler> {
  const route: TCmdbRoute = { handlers, options };
  const build = (method: TMethod): TRouteHandler => async (req, { params }) => {
    const reply = await answerCmdbRequest(route, { method, params: await params, meta: req, readBody: () => readJsonBody(req) });
    return new NextResponse(reply.body, { status: reply.status, headers: { "content-type": "application/json", ...(reply.allow ? { allow: reply.allow } : {}) } });
  };
  return { GET: build("GET"), POST: build("POST"), PUT: build("PUT"), DELETE: build("DELETE"), PATCH: build("PATCH") };
}

export async function answerCmdbRequest({ handlers, options }: TCmdbRoute, { method, params, meta, readBody }: TCmdbRequest): Promise<TCmdbReply> {
  const lang = readRequestLanguage(meta.headers);
  try {
    if (params.version !== SUPPORTED_VERSION) {
      throw new ApiError("UNKNOWN_ROUTE", text(`API version '${params.version}' is not supported; use ${SUPPORTED_VERSION}`, `不支持的 API 版本 '${params.version}'，请使用 ${SUPPORTED_VERSION}`));
    }
    const handler = handlers[method];
    if (!handler) throw new ApiError("METHOD_NOT_ALLOWED", text(`${method} is not allowed here`, `此路径不支持 ${method}`));

    assertStorableStrings(Object.entries(params), "path");
    assertStorableStrings(new URL(meta.url).searchParams.entries(), "query");
    const rawBody = await readBody();
    if (rawBody !== undefined && !isRecord(rawBody)) {
      throw new ApiError("BAD_JSON", text("the body must be a JSON object", "请求体必须是 JSON 对象"));
    }
    const caller = await authenticateAppThrottled(meta, rawBody);
    const bizId = parsePathId(params.bizId, "bk_biz_id");
    assertCan(caller.principal, options.access?.[method] ?? (method === "GET" ? "view" : "edit"), bizId);
    const business = await findBusiness(params.account ?? "", bizId);
    const body = stripCredentialFields(rawBody ?? {});
    return { status: 200, body: cmdbSuccessText(await handler({ params, body, caller, business, lang })) };
  } catch (error) {
    const failure = toApiError(error);
    return { status: failure.status, body: cmdbFailureText(failure, lang), allow: failure.kind === "METHOD_NOT_ALLOWED" ? allowHeader(Object.keys(handlers)) : undefined };
  }
}

/** The Allow header of a route answering `methods` (HEAD comes with GET; OPTIONS is the server's). */
export function allowHeader(methods: string[]): string {
  return [...methods.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method])), "OPTIONS"].join(", ");
}
