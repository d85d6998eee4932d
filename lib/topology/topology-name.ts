// Names of businesses, sets and modules: trimmed, 1–128 characters, no control characters or slashes
// ("set / module" is how the console and audit trail print a placement).
import { ApiError } from "@/lib/core/errors";
import { text, type TLocalText } from "@/lib/core/i18n";

export const MAX_TOPOLOGY_NAME = 128;

export type TNameField = "bk_biz_name" | "bk_set_name" | "bk_module_name";

const FIELD_LABELS: Record<TNameField, TLocalText> = {
  bk_biz_name: text("business name", "业务名"),
  bk_set_name: text("set name", "集群名"),
  bk_module_name: text("module name", "模块名"),
};

export function readTopologyName(raw: unknown, field: TNameField): string {
  const name = typeof raw === "string" ? raw.trim() : "";
  const reason = problemOf(raw, name);
  if (!reason) return name;
  const label = FIELD_LABELS[field];
  const detail = text(`${field} (${label.en}) ${reason.en}`, `${field}（${label.zh}）${reason.zh}`);
  throw new ApiError("FIELD_CHECK_FAILED", detail, [{ field, reason }]);
}

function problemOf(raw: unknown, name: string): TLocalText | null {
  if (typeof raw !== "string") return text("must be a string", "必须是字符串");
  if (!name) return text("must not be empty", "不能为空");
  if (name.length > MAX_TOPOLOGY_NAME) return text(`must be at most ${MAX_TOPOLOGY_NAME} characters`, `不能超过 ${MAX_TOPOLOGY_NAME} 个字符`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return text("must not contain control characters", "不能包含控制字符");
  if (name.includes("/")) return text("must not contain '/'", "不能包含 '/'");
  return null;
}

/** The one way a name that is taken is reported: 409 naming the field and the name. */
export function nameTaken(field: TNameField, name: string, where: TLocalText): ApiError {
  const reason = text(`'${name}' is already used ${where.en}`, `'${name}' 已被${where.zh}使用`);
  return new ApiError("DUPLICATE", text(`${field} ${reason.en}`, `${field} ${reason.zh}`), [{ field, reason }]);
}
