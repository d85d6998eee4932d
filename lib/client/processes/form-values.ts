// The process form keeps every attribute as the text in its control. These turn that text into API
// input (create: what was filled in; edit: only what changed; batch: the ticked fields) and back.
// Browser-safe and pure, so unit tests cover it.
import { PROCESS_ATTRIBUTES, type TAttribute, type TProcessRecord } from "@/lib/processes/attribute-metadata";
import type { TFieldProblem } from "@/lib/processes/validate-process-input";
import type { TLang } from "@/lib/core/i18n";

export type TFormValues = Record<string, string>;

export const FORM_ATTRIBUTES = PROCESS_ATTRIBUTES.filter((attribute) => attribute.isEditable);
const BY_ID = new Map(FORM_ATTRIBUTES.map((attribute) => [attribute.id, attribute]));

export function toFormValues(record?: Partial<TProcessRecord> | null): TFormValues {
  const values: TFormValues = {};
  for (const attribute of FORM_ATTRIBUTES) {
    const value = record?.[attribute.id as keyof TProcessRecord];
    values[attribute.id] = value === null || value === undefined ? "" : String(value);
  }
  return values;
}

/** The API value of one control's text: "" is "not set" (null), numbers and booleans are parsed. */
export function toAttributeValue(attribute: TAttribute, raw: string): unknown {
  switch (attribute.type) {
    case "int": {
      const trimmed = raw.trim();
      if (trimmed === "") return null;
      // not a whole number: passed as typed, so validation names it ("must be an integer, got …")
      return /^-?\d{1,10}$/.test(trimmed) ? Number(trimmed) : raw;
    }
    case "bool":
      return raw === "true" ? true : raw === "false" ? false : null;
    case "enum":
      return raw === "" ? null : raw;
    default:
      return raw;
  }
}

/** Create: every filled-in attribute, and the required ones even when empty (so they get their message). */
export function toCreateInput(values: TFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const attribute of FORM_ATTRIBUTES) {
    const raw = values[attribute.id] ?? "";
    if (raw === "" && !attribute.isRequired) continue;
    input[attribute.id] = toAttributeValue(attribute, raw);
  }
  return input;
}

/** Edit: only the attributes whose text differs from what was loaded; emptied ones are cleared. */
export function toUpdateChanges(values: TFormValues, initial: TFormValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const attribute of FORM_ATTRIBUTES) {
    if ((values[attribute.id] ?? "") === (initial[attribute.id] ?? "")) continue;
    changes[attribute.id] = toAttributeValue(attribute, values[attribute.id] ?? "");
  }
  return changes;
}

/** Batch: the ticked attributes with their new values. */
export function toBatchChanges(values: TFormValues, fields: string[]): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const attribute = BY_ID.get(field);
    if (attribute?.isBatchEditable) changes[field] = toAttributeValue(attribute, values[field] ?? "");
  }
  return changes;
}

export function isFormDirty(values: TFormValues, initial: TFormValues): boolean {
  return FORM_ATTRIBUTES.some((attribute) => (values[attribute.id] ?? "") !== (initial[attribute.id] ?? ""));
}

/** Validation problems as one message per field, in the UI language. */
export function toFieldMessages(problems: TFieldProblem[], lang: TLang): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const problem of problems) messages[problem.field] ??= problem.reason[lang];
  return messages;
}
