import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import type { ApiError } from "@/lib/api/errors";
import type { TLang } from "@/lib/i18n";

function requestId() {
  return randomUUID().replace(/-/g, "");
}

export function esbSuccess(data: unknown): NextResponse {
  return NextResponse.json({ result: true, code: 0, message: "success", data: data ?? null, request_id: requestId() });
}

export function esbFailure(error: ApiError, lang: TLang): NextResponse {
  return NextResponse.json({ result: false, code: error.code, message: error.localized(lang), data: null, request_id: requestId() }, { status: error.status });
}
