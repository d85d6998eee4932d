import { NextResponse } from "next/server";
import type { ApiError } from "@/lib/core/errors";
import type { TLang } from "@/lib/core/i18n";
import { JsonText } from "@/lib/core/json-text";

const SUCCESS_PREFIX = '{"result":true,"bk_error_code":0,"bk_error_msg":"success","data":';

export function cmdbSuccess(data: unknown): NextResponse {
  return new NextResponse(cmdbSuccessText(data), { headers: { "content-type": "application/json" } });
}

export function cmdbFailure(error: ApiError, lang: TLang): NextResponse {
  return new NextResponse(cmdbFailureText(error, lang), { status: error.status, headers: { "content-type": "application/json" } });
}

/** The success envelope's text; data that is JSON already is spliced in as it is. */
export function cmdbSuccessText(data: unknown): string {
  if (data instanceof JsonText) return `${SUCCESS_PREFIX}${data.text}}`;
  return JSON.stringify({ result: true, bk_error_code: 0, bk_error_msg: "success", data: data ?? null });
}

export function cmdbFailureText(error: ApiError, lang: TLang): string {
  return JSON.stringify({ result: false, bk_error_code: error.code, bk_error_msg: error.localized(lang), data: null });
}
