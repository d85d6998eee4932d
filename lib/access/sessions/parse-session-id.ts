import { SESSION_ID_PATTERN } from "@/lib/access/session-policy";
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";

/** A session id from the path (24 hex digits, as the session lists show it), or 1199003. */
export function parseSessionId(raw: string | undefined): string {
  if (raw !== undefined && SESSION_ID_PATTERN.test(raw)) return raw;
  throw new ApiError("BAD_PATH_PARAM", text(`sessionId must be 24 hex digits, got '${raw ?? ""}'`, `sessionId 必须是 24 位十六进制数，实际为 '${raw ?? ""}'`));
}
