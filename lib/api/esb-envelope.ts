import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { ApiError } from "@/lib/core/errors";
import type { TLang } from "@/lib/core/i18n";

function requestId() {
  return randomUUID().replace(/-/g, "");
}

export function esbSuccess(data: unknown): NextResponse {
  return NextResponse.json({ result: true, code: 0, message: "success", data: data ?? null, request_id: requestId() });
}

/**
 * As the BlueKing ESB answers: a reply about the request's content (bad parameter, unknown task,
 * refused operation, body too large) is HTTP 200 with result:false, because clients such as GSEKit's
 * DataAPI raise on any other status before they read the message. Credentials (401, 403, 429), what
 * never reached a component (an unknown path or method, a malformed URL, a body over the cap, as a
 * gateway would refuse it) and server faults (5xx) keep their status.
 */
export function esbStatusOf(error: ApiError): number {
  if (KEEPS_STATUS_KINDS.has(error.kind)) return error.status;
  return KEEPS_STATUS.has(error.status) || error.status >= 500 ? error.status : 200;
}

const KEEPS_STATUS = new Set([401, 403, 413, 429]);
const KEEPS_STATUS_KINDS = new Set<ApiError["kind"]>(["UNKNOWN_ROUTE", "METHOD_NOT_ALLOWED", "BAD_PATH_PARAM"]);

export function esbFailure(error: ApiError, lang: TLang): NextResponse {
  return NextResponse.json({ result: false, code: error.code, message: error.localized(lang), data: null, request_id: requestId() }, { status: esbStatusOf(error) });
}
