// Every ESB route (/api/c/compapi/v2/gse|job/...): JSON body (or the query string for GET polls),
// app credentials, one lib/ call, and the ESB envelope {result, code, message, data, request_id}.
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { authenticateApp, isRecord, stripCredentialFields, type TAppCaller } from "@/lib/access/authenticate-app";
import { ApiError, toApiError } from "@/lib/api/errors";
import { readJsonBody } from "@/lib/api/read-json-body";
import { readRequestLanguage, text, type TLang } from "@/lib/i18n";

export type TEsbContext = { body: Record<string, unknown>; caller: TAppCaller; lang: TLang };
type TEsbHandler = (context: TEsbContext) => Promise<unknown>;

export function defineEsbRoute(handler: TEsbHandler, { allowGet = false } = {}) {
  const route = async (req: NextRequest): Promise<Response> => {
    const lang = readRequestLanguage(req.headers);
    const requestId = randomUUID().replace(/-/g, "");
    try {
      const raw = req.method === "GET" ? Object.fromEntries(new URL(req.url).searchParams) : await readJsonBody(req);
      if (raw !== undefined && !isRecord(raw)) throw new ApiError("BAD_JSON", text("the body must be a JSON object", "请求体必须是 JSON 对象"));
      const caller = await authenticateApp(req, raw);
      const data = await handler({ body: stripCredentialFields(raw ?? {}), caller, lang });
      return NextResponse.json({ result: true, code: 0, message: "success", data: data ?? null, request_id: requestId });
    } catch (error) {
      const apiError = toApiError(error);
      return NextResponse.json({ result: false, code: apiError.code, message: apiError.localized(lang), data: null, request_id: requestId }, { status: apiError.status });
    }
  };
  const notAllowed = async (req: NextRequest) => {
    const error = new ApiError("METHOD_NOT_ALLOWED", text(`${req.method} is not allowed here`, `此路径不支持 ${req.method}`));
    return NextResponse.json({ result: false, code: error.code, message: error.localized(readRequestLanguage(req.headers)), data: null, request_id: randomUUID().replace(/-/g, "") }, { status: 405 });
  };
  return { POST: route, GET: allowGet ? route : notAllowed, PUT: notAllowed, DELETE: notAllowed, PATCH: notAllowed };
}
