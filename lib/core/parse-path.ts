import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";

/** A positive integer id from the path; anything else is 1199003 naming the parameter. */
export function parsePathId(raw: string | undefined, name: string): number {
  if (raw === undefined || !/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2147483647) {
    throw new ApiError("BAD_PATH_PARAM", text(`${name} must be a positive integer, got '${raw ?? ""}'`, `${name} 必须是正整数，实际为 '${raw ?? ""}'`));
  }
  return Number(raw);
}

const TASK_ID = /^GSETASK:\d{14}:\d{1,19}$/;

/** A task id from the path (GSETASK:YYYYMMDDhhmmss:N; links encode its ':'), or 1199003. */
export function parseTaskIdParam(raw: string | undefined): string {
  let decoded = raw ?? "";
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // left as it is: the pattern below refuses it
  }
  if (!TASK_ID.test(decoded)) {
    throw new ApiError("BAD_PATH_PARAM", text(`task id must look like GSETASK:YYYYMMDDhhmmss:N, got '${raw ?? ""}'`, `任务 ID 格式应为 GSETASK:YYYYMMDDhhmmss:N，实际为 '${raw ?? ""}'`));
  }
  return decoded;
}
