// The console API's one reply shape:
//   { ok: true, data }   |   { ok: false, error: { code, kind, message, fields? } }
// `fields` maps an attribute id to its problem, for messages next to form fields.
import { NextResponse } from "next/server";
import type { ApiError, TApiErrorKind } from "@/lib/core/errors";
import type { TLang } from "@/lib/core/i18n";

export type TConsoleFailureBody = {
  ok: false;
  error: { code: number; kind: TApiErrorKind; message: string; fields?: Record<string, string> };
};
export type TConsoleSuccessBody<T> = { ok: true; data: T };
export type TConsoleBody<T> = TConsoleSuccessBody<T> | TConsoleFailureBody;

export function consoleSuccess(data: unknown, status = 200): NextResponse {
  return NextResponse.json({ ok: true, data: toConsoleData(data) }, { status, headers: { "cache-control": "no-store" } });
}

/** What a handler's result is on the wire, for a server page handing the same data to TanStack Query. */
export function toConsoleWireData<T>(data: T): T {
  return JSON.parse(JSON.stringify(toConsoleData(data))) as T;
}

// "nothing" is null in the envelope: undefined would drop the field
function toConsoleData(data: unknown): unknown {
  return data ?? null;
}

export function consoleFailure(error: ApiError, lang: TLang): NextResponse {
  const fields = error.fields?.length ? Object.fromEntries(error.fields.map((problem) => [problem.field, problem.reason[lang]])) : undefined;
  const body: TConsoleFailureBody = { ok: false, error: { code: error.code, kind: error.kind, message: error.localized(lang), ...(fields ? { fields } : {}) } };
  return NextResponse.json(body, { status: error.status, headers: { "cache-control": "no-store" } });
}
