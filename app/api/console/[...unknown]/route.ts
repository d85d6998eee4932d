// Any other /api/console path: the console envelope's 404 (not the CMDB one of app/api/[...unknown]).
import { consoleFailure } from "@/lib/api/console-envelope";
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";
import { pickUiLanguage } from "@/lib/core/ui-language";

async function unknownConsoleRoute(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname;
  return consoleFailure(new ApiError("UNKNOWN_ROUTE", text(`${req.method} ${path}`, `${req.method} ${path}`)), pickUiLanguage(null, req.headers.get("accept-language")));
}

export { unknownConsoleRoute as GET, unknownConsoleRoute as POST, unknownConsoleRoute as PUT, unknownConsoleRoute as PATCH, unknownConsoleRoute as DELETE };
