// Runs before routing, for /api only. A path with broken percent-encoding (…/%E0%A4%A) would
// otherwise get Next's plain-text 500 before any route code runs; answer it in the API's envelope.
import type { NextRequest } from "next/server";
import { cmdbFailure } from "@/lib/api/cmdb-envelope";
import { esbFailure } from "@/lib/api/esb-envelope";
import { ApiError } from "@/lib/api/errors";
import { readRequestLanguage, text } from "@/lib/i18n";

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  try {
    decodeURIComponent(path);
    return;
  } catch {
    const error = new ApiError("BAD_PATH_PARAM", text("the path has malformed percent-encoding", "路径中有非法的百分号编码"));
    const lang = readRequestLanguage(req.headers);
    return path.startsWith("/api/c/") ? esbFailure(error, lang) : cmdbFailure(error, lang);
  }
}

export const config = { matcher: "/api/:path*" };
