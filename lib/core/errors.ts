// The one error type of every API surface. Each entry is a BlueKing code with its HTTP status and
// base message; `detail` says what exactly was wrong (which field, which id) in both languages.
import { classifyDatabaseError } from "@/lib/core/database-errors";
import { scrubSecretsInText } from "@/lib/core/scrub-secrets";
import { text, type TLang, type TLocalText } from "@/lib/core/i18n";

export const API_ERRORS = {
  BAD_JSON: { code: 1199000, status: 400, message: text("Deserializing JSON data failed", "JSON数据反序列化失败") },
  BAD_PATH_PARAM: { code: 1199003, status: 400, message: text("invalid input parameter", "无效的输入参数") },
  UNKNOWN_ROUTE: { code: 1199003, status: 404, message: text("no such API", "接口不存在") },
  METHOD_NOT_ALLOWED: { code: 1199003, status: 405, message: text("method not allowed", "不支持的请求方法") },
  OUT_OF_RANGE: { code: 1199006, status: 400, message: text("parameter verification does not pass", "参数校验不通过") },
  BODY_TOO_LARGE: { code: 1199006, status: 413, message: text("request body too large", "请求体过大") },
  NOT_FOUND: { code: 1199019, status: 404, message: text("No relevant data found", "没有找到相关数据") },
  UNAUTHENTICATED: { code: 1199027, status: 401, message: text("authentication failed", "认证失败") },
  MISSING_OPERATOR: { code: 1199027, status: 401, message: text("'user' authorization information query failed", "[user]授权信息查询失败") },
  FORBIDDEN: { code: 9900403, status: 403, message: text("no permission", "没有权限") },
  FIELD_CHECK_FAILED: { code: 1199028, status: 400, message: text("Field value check does not pass", "字段值校验不通过") },
  DUPLICATE: { code: 1199028, status: 409, message: text("Field value check does not pass", "字段值校验不通过") },
  EDIT_CONFLICT: { code: 1199028, status: 409, message: text("changed by someone else meanwhile", "数据已被他人修改") },
  IN_USE: { code: 1199028, status: 409, message: text("still in use", "仍在使用中") },
  PROCESS_BOUND: { code: 1108013, status: 409, message: text("the process bind with module", "进程下有绑定模块") },
  /** console sign-in locked after too many failures (lib/access/login-throttle.ts); the detail says when to try again */
  TOO_MANY_ATTEMPTS: { code: 1199429, status: 429, message: text("too many failed sign-ins", "登录失败次数过多") },
  /** the database is unreachable, frozen or timed out (lib/core/db.ts sets the timeouts); retrying later helps */
  UNAVAILABLE: { code: 1199503, status: 503, message: text("service temporarily unavailable", "服务暂时不可用") },
  INTERNAL: { code: 1199999, status: 500, message: text("internal server error", "服务内部错误") },
} as const satisfies Record<string, { code: number; status: number; message: TLocalText }>;

export type TApiErrorKind = keyof typeof API_ERRORS;

/** One attribute's problem, kept apart so a form can show it next to its field. */
export type TApiFieldProblem = { field: string; reason: TLocalText };

export class ApiError extends Error {
  readonly kind: TApiErrorKind;
  readonly detail?: TLocalText;
  /** per-field problems behind a FIELD_CHECK_FAILED / DUPLICATE (the detail already names them in text) */
  readonly fields?: TApiFieldProblem[];

  constructor(kind: TApiErrorKind, detail?: TLocalText, fields?: TApiFieldProblem[]) {
    super(`${API_ERRORS[kind].message.en}${detail ? `: ${detail.en}` : ""}`);
    this.kind = kind;
    this.detail = detail;
    this.fields = fields;
  }

  get code(): number {
    return API_ERRORS[this.kind].code;
  }

  get status(): number {
    return API_ERRORS[this.kind].status;
  }

  localized(lang: TLang): string {
    const base = API_ERRORS[this.kind].message[lang];
    return this.detail ? `${base}: ${this.detail[lang]}` : base;
  }
}

/**
 * Any thrown value as an ApiError. Database errors the caller caused or that a retry cures get their
 * own 4xx / 503 (lib/core/database-errors.ts); the rest is logged (never sent) and becomes INTERNAL.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const failure = classifyDatabaseError(error);
  if (failure) {
    if (failure.kind === "UNAVAILABLE") logUnavailable(error);
    return new ApiError(failure.kind, failure.detail);
  }
  console.error(`[procdeck] unexpected error ${describeForLog(error)}`);
  return new ApiError("INTERNAL");
}

let lastUnavailableLog = 0;

/** One line per 10 s while the database is away, not a stack trace per request. */
function logUnavailable(error: unknown) {
  const now = Date.now();
  if (now - lastUnavailableLog < 10_000) return;
  lastUnavailableLog = now;
  const first = describeForLog(error).split("\n").find((line) => line.trim() !== "" && !line.startsWith("Invalid")) ?? "";
  console.error(`[procdeck] database unavailable: ${first.trim().slice(0, 300)}`);
}

/**
 * What the log gets of an unexpected error: its stack (or text) with secret-looking values hidden.
 * Never the request: a database error can quote the query's arguments (a password hash, a token),
 * so the text is scrubbed, and the error object itself (with its fields) is not printed.
 */
export function describeForLog(error: unknown): string {
  const raw = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : safeString(error);
  return scrubSecretsInText(raw);
}

function safeString(value: unknown): string {
  try {
    return typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
