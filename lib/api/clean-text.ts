// Text PostgreSQL cannot store: a NUL character (text columns refuse 0x00) and lone UTF-16 surrogates
// (JSON allows "\ud800", UTF-8 has no encoding for it, and the database driver chokes on it). Both are
// refused where input enters, with the place named, so they never reach a query as a 500.
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";

// a high surrogate not followed by a low one, or a low one not preceded by a high one
// eslint-disable-next-line no-control-regex -- NUL is exactly what is refused here
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_DEPTH = 64;

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/**
 * The agent protocol's way: an agent reports command output, which may hold NUL or a character cut in
 * half, and refusing its report would make it resend for ever. Every string (and key) of the value is
 * made storable instead: NUL dropped, a lone surrogate replaced by U+FFFD.
 */
export function toStorableJson(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return isStorableText(value) ? value : storable(value);
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => toStorableJson(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [storable(key), toStorableJson(item, depth + 1)]));
}

const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function storable(text: string): string {
  return text.replaceAll("\u0000", "").replace(LONE_SURROGATES, "\ufffd");
}

/** Walks a parsed JSON value (keys and strings); throws OUT_OF_RANGE naming the first bad place. */
export function assertStorableJson(value: unknown, where: string): void {
  const bad = findUnstorable(value, where, 0);
  if (bad) throw unstorableError(bad);
}

/** Query parameters, path parameters and the like: name → raw text. */
export function assertStorableStrings(values: Iterable<[string, string | undefined]>, where: string): void {
  for (const [name, value] of values) {
    if (!isStorableText(name)) throw unstorableError(where);
    if (value !== undefined && !isStorableText(value)) throw unstorableError(`${where}.${name}`);
  }
}

function findUnstorable(value: unknown, where: string, depth: number): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : where;
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return null;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  for (const [key, item] of entries) {
    if (!isStorableText(key)) return where;
    const bad = findUnstorable(item, `${where}.${key}`, depth + 1);
    if (bad) return bad;
  }
  return null;
}

function unstorableError(where: string): ApiError {
  return new ApiError(
    "OUT_OF_RANGE",
    text(`${where}: text may not contain NUL characters or unpaired UTF-16 surrogates`, `${where}：文本不能包含 NUL 字符或不成对的 UTF-16 代理项`),
  );
}
