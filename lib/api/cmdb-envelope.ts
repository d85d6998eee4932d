import { NextResponse } from "next/server";
import type { ApiError } from "@/lib/core/errors";
import type { TLang } from "@/lib/core/i18n";
import { JsonText } from "@/lib/core/json-text";

const SUCCESS_PREFIX = '{"result":true,"bk_error_code":0,"bk_error_msg":"success","data":';

export function cmdbSuccess(data: unknown): NextResponse {
  // the same text NextResponse.json would send, with data that is JSON already spliced in
  if (data instanceof JsonText) return new NextResponse(`${SUCCESS_PREFIX}${data.text}}`, { headers: { "content-type": "application/json" } });
  return NextResponse.json({ result: true, bk_error_code: 0, bk_error_msg: "success", data: data ?? null });
}

export function cmdbFailure(error: ApiError, lang: TLang): NextResponse {
  return NextResponse.json(
    { result: false, bk_error_code: error.code, bk_error_msg: error.localized(lang), data: null },
    { status: error.status },
  );
}
