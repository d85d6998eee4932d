import { ApiError } from "@/lib/api/errors";
import { text } from "@/lib/i18n";

/** A positive integer id from the path; anything else is 1199003 naming the parameter. */
export function parsePathId(raw: string | undefined, name: string): number {
  if (raw === undefined || !/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2147483647) {
    throw new ApiError("BAD_PATH_PARAM", text(`${name} must be a positive integer, got '${raw ?? ""}'`, `${name} 必须是正整数，实际为 '${raw ?? ""}'`));
  }
  return Number(raw);
}
