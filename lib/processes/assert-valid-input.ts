import { ApiError } from "@/lib/core/errors";
import type { TProcessAttributes } from "@/lib/processes/attribute-metadata";
import { formatProblems, validateProcessInput, type TValidationMode } from "@/lib/processes/validate-process-input";
import { text } from "@/lib/core/i18n";

/**
 * Validated attributes, or 1199028 naming every bad field. The path decides the business: a body
 * bk_biz_id may only repeat it, or be null (bk-cmdb 3.x's UI form sends every attribute, and an int
 * it has no value for, like bk_biz_id on create, as null).
 */
export function assertValidInput(input: Record<string, unknown>, mode: TValidationMode, bizId: number): Partial<TProcessAttributes> {
  if ("bk_biz_id" in input && !isSameBusiness(input.bk_biz_id, bizId)) {
    throw new ApiError("FIELD_CHECK_FAILED", text(`bk_biz_id ${JSON.stringify(input.bk_biz_id)} does not match the path's ${bizId}`, `bk_biz_id ${JSON.stringify(input.bk_biz_id)} 与路径中的 ${bizId} 不一致`));
  }
  const result = validateProcessInput(input, mode);
  if (!result.isValid) throw new ApiError("FIELD_CHECK_FAILED", formatProblems(result.problems), result.problems);
  return result.values;
}

function isSameBusiness(value: unknown, bizId: number): boolean {
  if (value === null) return true;
  if (typeof value === "number") return value === bizId;
  return typeof value === "string" && /^\d{1,10}$/.test(value) && Number(value) === bizId;
}

export function duplicateNameError(name: string | undefined, bizId: number) {
  return new ApiError("DUPLICATE", text(`bk_process_name '${name}' already exists in business ${bizId}`, `bk_process_name '${name}' 在业务 ${bizId} 中已存在`), [
    { field: "bk_process_name", reason: text(`'${name}' already exists in this business`, `'${name}' 在本业务中已存在`) },
  ]);
}

export function processNotFound(processId: number | string, bizId: number) {
  return new ApiError("NOT_FOUND", text(`process ${processId} does not exist in business ${bizId}`, `业务 ${bizId} 中不存在进程 ${processId}`));
}
