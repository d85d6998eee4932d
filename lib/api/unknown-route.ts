import type { NextRequest } from "next/server";
import { cmdbFailure } from "@/lib/api/cmdb-envelope";
import { esbFailure } from "@/lib/api/esb-envelope";
import { ApiError } from "@/lib/core/errors";
import { readRequestLanguage, text } from "@/lib/core/i18n";

export async function unknownApiRoute(req: NextRequest): Promise<Response> {
  const path = new URL(req.url).pathname;
  const error = new ApiError("UNKNOWN_ROUTE", text(`${req.method} ${path}`, `${req.method} ${path}`));
  const lang = readRequestLanguage(req.headers);
  // the ESB surface answers in its own envelope, everything else in CMDB's
  return path.startsWith("/api/c/") ? esbFailure(error, lang) : cmdbFailure(error, lang);
}
