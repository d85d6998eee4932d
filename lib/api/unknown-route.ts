import type { NextRequest } from "next/server";
import { cmdbFailure } from "@/lib/api/cmdb-envelope";
import { ApiError } from "@/lib/api/errors";
import { readRequestLanguage, text } from "@/lib/i18n";

export async function unknownApiRoute(req: NextRequest): Promise<Response> {
  const path = new URL(req.url).pathname;
  const error = new ApiError("UNKNOWN_ROUTE", text(`${req.method} ${path}`, `${req.method} ${path}`));
  return cmdbFailure(error, readRequestLanguage(req.headers));
}
