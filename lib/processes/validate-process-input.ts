// Validation of process attributes, built from the attribute metadata with zod. Used by create,
// update and batch update, and by the console form (it is browser-safe), so every surface
// reports the same field and reason.
import { z } from "zod";
import {
  ATTRIBUTES_BY_ID,
  LONGCHAR_MAX,
  PROCESS_ATTRIBUTES,
  SINGLECHAR_MAX,
  type TAttribute,
  type TProcessAttributes,
} from "@/lib/processes/attribute-metadata";
import { explainBadPortSpec } from "@/lib/processes/port-spec";
import { text, type TLocalText } from "@/lib/core/i18n";

export type TValidationMode = "create" | "update" | "batch";
export type TFieldProblem = { field: string; reason: TLocalText };
export type TValidationResult =
  | { isValid: true; values: Partial<TProcessAttributes> }
  | { isValid: false; problems: TFieldProblem[] };

function schemaFor(attribute: TAttribute): z.ZodType {
  switch (attribute.type) {
    case "int":
      return z.number().int().min(attribute.min ?? -2147483648).max(attribute.max ?? 2147483647).nullable();
    case "bool":
      return z.boolean().nullable();
    case "enum":
      // "" is "no choice": bk-cmdb 3.x's UI form sends an unset enum as "" (tools.js getInstFormValues)
      return z.preprocess((value) => (value === "" ? null : value), z.enum((attribute.options ?? []).map((option) => option.id) as [string, ...string[]]).nullable());
    case "longchar":
      return z.string().max(LONGCHAR_MAX).nullable();
    case "singlechar":
      if (attribute.id === "port") return z.union([z.string(), z.number().int()]).transform(String).pipe(z.string().max(SINGLECHAR_MAX)).nullable();
      return z.string().max(SINGLECHAR_MAX).nullable();
  }
}

const FIELD_SCHEMAS = new Map(PROCESS_ATTRIBUTES.map((attribute) => [attribute.id, schemaFor(attribute)]));

export function validateProcessInput(input: Record<string, unknown>, mode: TValidationMode): TValidationResult {
  const problems: TFieldProblem[] = [];
  const values: Record<string, unknown> = {};

  for (const [field, raw] of Object.entries(input)) {
    const attribute = ATTRIBUTES_BY_ID.get(field);
    if (!attribute) {
      problems.push({ field, reason: text("unknown attribute", "不存在的属性") });
      continue;
    }
    if (!attribute.isEditable) continue; // bk_biz_id: the path decides; checked by the caller
    if (mode === "batch" && !attribute.isBatchEditable) {
      problems.push({ field, reason: text("cannot be set by a batch update", "批量更新不能修改此属性") });
      continue;
    }
    const parsed = FIELD_SCHEMAS.get(field)!.safeParse(raw);
    if (!parsed.success) {
      problems.push({ field, reason: describeIssue(parsed.error.issues[0], attribute, raw) });
      continue;
    }
    const problem = checkValue(attribute, parsed.data);
    if (problem) problems.push({ field, reason: problem });
    else values[field] = normalise(attribute, parsed.data);
  }

  if (mode === "create") {
    for (const attribute of PROCESS_ATTRIBUTES) {
      if (attribute.isRequired && !(attribute.id in input)) {
        problems.push({ field: attribute.id, reason: text("is required", "为必填项") });
      }
    }
  }
  return problems.length ? { isValid: false, problems } : { isValid: true, values: values as Partial<TProcessAttributes> };
}

function checkValue(attribute: TAttribute, value: unknown): TLocalText | null {
  if (attribute.isRequired && (value === null || (typeof value === "string" && value.trim() === ""))) {
    return text("is required and may not be empty", "为必填项，不能为空");
  }
  if (attribute.id === "port" && typeof value === "string") return explainBadPortSpec(value);
  return null;
}

// Optional text columns store "" for "not set", so a JSON null clears them.
function normalise(attribute: TAttribute, value: unknown): unknown {
  if (value === null && (attribute.type === "singlechar" || attribute.type === "longchar")) return "";
  return value;
}

function describeIssue(issue: z.core.$ZodIssue, attribute: TAttribute, raw: unknown): TLocalText {
  const got = JSON.stringify(raw)?.slice(0, 40) ?? "undefined";
  switch (attribute.type) {
    case "enum": {
      const ids = (attribute.options ?? []).map((option) => `"${option.id}"`).join(", ");
      return text(`must be one of ${ids} (a string), got ${got}`, `必须是 ${ids} 之一（字符串），实际为 ${got}`);
    }
    case "bool":
      return text(`must be true or false, got ${got}`, `必须是 true 或 false，实际为 ${got}`);
    case "int":
      if (issue.code === "too_small" || issue.code === "too_big") {
        return text(`must be between ${attribute.min} and ${attribute.max}, got ${got}`, `必须在 ${attribute.min} 到 ${attribute.max} 之间，实际为 ${got}`);
      }
      return text(`must be an integer, got ${got}`, `必须是整数，实际为 ${got}`);
    default: {
      const max = attribute.type === "longchar" ? LONGCHAR_MAX : SINGLECHAR_MAX;
      if (issue.code === "too_big") return text(`is longer than ${max} characters`, `长度超过 ${max} 个字符`);
      return text(`must be a string, got ${got}`, `必须是字符串，实际为 ${got}`);
    }
  }
}

export function formatProblems(problems: TFieldProblem[]): TLocalText {
  return {
    en: problems.map((p) => `${p.field} ${p.reason.en}`).join("; "),
    zh: problems.map((p) => `${p.field} ${p.reason.zh}`).join("；"),
  };
}
