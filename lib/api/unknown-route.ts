import type { NextRequest } from "next/server";
import { ApiError } from "@/lib/core/errors";
import { surfaceFailure } from "@/lib/api/surface-failure";
import { text } from "@/lib/core/i18n";

/** Any /api path no route claims: a 404 in the envelope of the surface the path belongs to. */
export async function unknownApiRoute(req: NextRequest): Promise<Response> {
  const path = new URL(req.url).pathname;
  const error = new ApiError("UNKNOWN_ROUTE", text(`${req.method} ${path}`, `${req.method} ${path}`));
  return surfaceFailure(path, error, req.headers);
}
