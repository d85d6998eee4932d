// GET /api/readyz — readiness: 200 while the database answers, 503 (in the CMDB envelope, like
// /api/healthz) when it does not. /api/healthz stays liveness and touches nothing.
import { cmdbFailure, cmdbSuccess } from "@/lib/api/cmdb-envelope";
import { toApiError } from "@/lib/core/errors";
import { checkReadiness } from "@/lib/api/check-readiness";
import { readRequestLanguage } from "@/lib/core/i18n";

export async function GET(req: Request) {
  try {
    return cmdbSuccess(await checkReadiness());
  } catch (error) {
    return cmdbFailure(toApiError(error), readRequestLanguage(req.headers));
  }
}
