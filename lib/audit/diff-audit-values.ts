// What an audit entry changed, field by field, for the audit page and the CSV export. An update
// lists only the fields whose value differs; a create (only `after`) or a delete (only `before`)
// lists every field. Browser-safe: no server imports.

export type TAuditChangeKind = "added" | "removed" | "changed";

export type TAuditChange = {
  field: string;
  /** undefined: the field was absent on that side */
  before: unknown;
  after: unknown;
  kind: TAuditChangeKind;
};

type TJsonObject = Record<string, unknown>;

export function diffAuditValues(before: TJsonObject | null | undefined, after: TJsonObject | null | undefined): TAuditChange[] {
  if (!before && !after) return [];
  if (!before) return Object.entries(after ?? {}).map(([field, value]) => ({ field, before: undefined, after: value, kind: "added" }));
  if (!after) return Object.entries(before).map(([field, value]) => ({ field, before: value, after: undefined, kind: "removed" }));

  const fields = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return fields.flatMap((field): TAuditChange[] => {
    const hasBefore = Object.hasOwn(before, field);
    const hasAfter = Object.hasOwn(after, field);
    if (hasBefore && hasAfter && isSameJson(before[field], after[field])) return [];
    return [{ field, before: before[field], after: after[field], kind: !hasBefore ? "added" : !hasAfter ? "removed" : "changed" }];
  });
}

/** Equal as JSON, whatever the key order of nested objects. */
export function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => isSameJson(item, b[index]));
  }
  const aKeys = Object.keys(a);
  const bRecord = b as TJsonObject;
  return aKeys.length === Object.keys(b).length && aKeys.every((key) => Object.hasOwn(bRecord, key) && isSameJson((a as TJsonObject)[key], bRecord[key]));
}

export type TShownValue =
  | { kind: "absent" }
  | { kind: "empty"; text: string }
  | { kind: "inline"; text: string }
  /** nested JSON, pretty-printed over several lines */
  | { kind: "block"; text: string };

/** A value as the page shows it: strings as they are, "" and null marked, objects and arrays as indented JSON. */
export function showAuditValue(value: unknown): TShownValue {
  if (value === undefined) return { kind: "absent" };
  if (value === null) return { kind: "empty", text: "null" };
  if (value === "") return { kind: "empty", text: '""' };
  if (typeof value === "string") return { kind: "inline", text: value };
  if (typeof value !== "object") return { kind: "inline", text: String(value) };
  const isEmpty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  return isEmpty ? { kind: "inline", text: JSON.stringify(value) } : { kind: "block", text: JSON.stringify(value, null, 2) };
}
