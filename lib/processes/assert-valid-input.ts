import { ApiError } from "@/lib/api/errors";
import type { TProcessAttributes } from "@/lib/processes/attribute-metadata";
import { formatProblems, validateProcessInput, type TValidationMode } from "@/lib/processes/validate-process-input";
import { text } from "@/lib/i18n";

/** Validated attributes, or 1199028 naming every bad field. bk_biz_id in a body must match the path. */
export function assertValidInput(input: Record<string, unknown>, mode: TValidationMode, bizId: number): Partial<TProcessAttributes> {
  if ("bk_biz_id" in input && Number(input.bk_biz_id) !== bizId) {
    throw new ApiError("FIELD_CHECK_FAILED", text(`bk_biz_id ${JSON.stringify(input.bk_biz_id)} does not match the path's ${bizId}`, `bk_biz_id ${JSON.stringify(input.bk_biz_id)} 与路径中的 ${bizId} 不一致`));
  }
  const result = validateProcessInput(input, mode);
  if (!result.isValid) throw new ApiError("FIELD_CHECK_FAILED", formatProblems(result.problems), result.problems);
  return result.values;
}

export function duplicateNameError(name: string | undefined, bizId: number) {
  return new ApiError("DUPLICATE", text(`bk_process_name '${name}' already exists in business ${bizId}`, `bk_process_name '${name}' 在业务 ${bizId} 中已存在`), [
    { field: "bk_process_name", reason: text(`'${name}' already exists in this business`, `'${name}' 在本业务中已存在`) },
  ]);
}

export function processNotFound(processId: number | string, bizId: number) {
  return new ApiError("NOT_FOUND", text(`process ${processId} does not exist in business ${bizId}`, `业务 ${bizId} 中不存在进程 ${processId}`));
}
