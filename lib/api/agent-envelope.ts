// The agent protocol's reply shape: { ok: true, data } | { ok: false, error: { code: kind, message } }.
import { NextResponse } from "next/server";
import type { ApiError } from "@/lib/core/errors";

export function agentSuccess(data: unknown): NextResponse {
  return NextResponse.json({ ok: true, data });
}

export function agentFailure(error: ApiError): NextResponse {
  return NextResponse.json({ ok: false, error: { code: error.kind, message: error.localized("en") } }, { status: error.status });
}
