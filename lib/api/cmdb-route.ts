// Every CMDB route (/api/{version}/proc/...) goes through here: version check, size-capped JSON body,
// app authentication, the app's role in the path's business (403 envelope without one), business
// lookup, then one lib/ call whose result becomes the CMDB envelope.
import type { NextRequest } from "next/server";
import { authenticateAppThrottled } from "@/lib/access/app-auth-throttle";
import { isRecord, stripCredentialFields, type TAppCaller } from "@/lib/access/authenticate-app";
import { assertCan, type TBizAction } from "@/lib/access/permissions";
import { assertStorableStrings } from "@/lib/api/clean-text";
import { cmdbFailure, cmdbSuccess } from "@/lib/api/cmdb-envelope";
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

export function defineCmdbRoute(handlers: Partial<Record<TMethod, TCmdbHandler>>, options: TCmdbRouteOptions = {}): Record<TMethod, TRouteHandler> {
  const build = (method: TMethod): TRouteHandler => async (req, route) => {
    const lang = readRequestLanguage(req.headers);
    try {
      const params = await route.params;
      if (params.version !== SUPPORTED_VERSION) {
        throw new ApiError("UNKNOWN_ROUTE", text(`API version '${params.version}' is not supported; use ${SUPPORTED_VERSION}`, `不支持的 API 版本 '${params.version}'，请使用 ${SUPPORTED_VERSION}`));
      }
      const handler = handlers[method];
      if (!handler) throw new ApiError("METHOD_NOT_ALLOWED", text(`${method} is not allowed here`, `此路径不支持 ${method}`));

      assertStorableStrings(Object.entries(params), "path");
      assertStorableStrings(new URL(req.url).searchParams.entries(), "query");
      const rawBody = await readJsonBody(req);
      if (rawBody !== undefined && !isRecord(rawBody)) {
        throw new ApiError("BAD_JSON", text("the body must be a JSON object", "请求体必须是 JSON 对象"));
      }
      const caller = await authenticateAppThrottled(req, rawBody);
      const bizId = parsePathId(params.bizId, "bk_biz_id");
      assertCan(caller.principal, options.access?.[method] ?? (method === "GET" ? "view" : "edit"), bizId);
      const business = await findBusiness(params.account ?? "", bizId);
      const body = stripCredentialFields(rawBody ?? {});
      return cmdbSuccess(await handler({ params, body, caller, business, lang }));
    } catch (error) {
      const failure = toApiError(error);
      const response = cmdbFailure(failure, lang);
      if (failure.kind === "METHOD_NOT_ALLOWED") response.headers.set("allow", allowHeader(Object.keys(handlers)));
      return response;
    }
  };
  return { GET: build("GET"), POST: build("POST"), PUT: build("PUT"), DELETE: build("DELETE"), PATCH: build("PATCH") };
}

/** The Allow header of a route answering `methods` (HEAD comes with GET; OPTIONS is the server's). */
export function allowHeader(methods: string[]): string {
  return [...methods.flatMap((method) => (method === "GET" ? ["GET", "HEAD"] : [method])), "OPTIONS"].join(", ");
}
