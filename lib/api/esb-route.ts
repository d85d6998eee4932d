// Every ESB route (/api/c/compapi/v2/gse|job/...): JSON body (or the query string for GET polls),
// app credentials, one lib/ call, and the ESB envelope {result, code, message, data, request_id}.
import type { NextRequest } from "next/server";
import { authenticateAppThrottled } from "@/lib/access/app-auth-throttle";
import { isRecord, stripCredentialFields, type TAppCaller } from "@/lib/access/authenticate-app";
import { assertStorableStrings } from "@/lib/api/clean-text";
import { esbFailure, esbSuccess } from "@/lib/api/esb-envelope";
import { ApiError, toApiError } from "@/lib/core/errors";
import { readJsonBody } from "@/lib/api/read-json-body";
import { readRequestLanguage, text, type TLang } from "@/lib/core/i18n";

export type TEsbContext = { body: Record<string, unknown>; caller: TAppCaller; lang: TLang };
type TEsbHandler = (context: TEsbContext) => Promise<unknown>;

type TEsbRouteOptions = {
  /** result polls may also be sent as GET with the query string */
  allowGet?: boolean;
  /** methods besides POST the component is known to be called with (GSE's procinfo family) */
  alsoAccept?: readonly ("PUT" | "DELETE")[];
  /** a larger body cap than MAX_BODY_BYTES, for requests that carry many hosts */
  maxBodyBytes?: number;
};

/** A GET poll's parameters, refused like a body would be when they hold text the database cannot store. */
function readQuery(req: NextRequest): Record<string, string> {
  const params = new URL(req.url).searchParams;
  assertStorableStrings(params.entries(), "query");
  return Object.fromEntries(params);
}

export function defineEsbRoute(handler: TEsbHandler, { allowGet = false, alsoAccept = [], maxBodyBytes }: TEsbRouteOptions = {}) {
  const route = async (req: NextRequest): Promise<Response> => {
    const lang = readRequestLanguage(req.headers);
    try {
      const raw = req.method === "GET" ? readQuery(req) : await readJsonBody(req, { maxBytes: maxBodyBytes });
      if (raw !== undefined && !isRecord(raw)) throw new ApiError("BAD_JSON", text("the body must be a JSON object", "请求体必须是 JSON 对象"));
      const caller = await authenticateAppThrottled(req, raw);
      const data = await handler({ body: stripCredentialFields(raw ?? {}), caller, lang });
      return esbSuccess(data);
    } catch (error) {
      return esbFailure(toApiError(error), lang);
    }
  };
  const notAllowed = async (req: NextRequest) => {
    const error = new ApiError("METHOD_NOT_ALLOWED", text(`${req.method} is not allowed here`, `此路径不支持 ${req.method}`));
    const response = esbFailure(error, readRequestLanguage(req.headers));
    response.headers.set("allow", [...(allowGet ? ["GET", "HEAD"] : []), "POST", ...alsoAccept, "OPTIONS"].join(", "));
    return response;
  };
  return {
    POST: route,
    GET: allowGet ? route : notAllowed,
    PUT: alsoAccept.includes("PUT") ? route : notAllowed,
    DELETE: alsoAccept.includes("DELETE") ? route : notAllowed,
    PATCH: notAllowed,
  };
}
