// search_process as one SQL statement: the asked columns, the page, and the total (window count) in a
// single round trip. Identifiers come only from the attribute whitelist; every value is a parameter.
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { describeZodIssue } from "@/lib/api/describe-zod-issue";
import { getDb } from "@/lib/db";
import { ATTRIBUTES_BY_ID, SEARCHABLE_FIELDS, type TAttributeType } from "@/lib/processes/attribute-metadata";
import type { TBusinessRef } from "@/lib/topology/find-business";
import { text } from "@/lib/i18n";

export const SEARCH_LIMIT_MAX = 200;

export const ZSearchProcesses = z.strictObject({
  page: z
    .strictObject({
      start: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_MAX),
      sort: z.string().max(1000).default(""),
    })
    .default({ start: 0, limit: SEARCH_LIMIT_MAX, sort: "" }),
  fields: z.array(z.string()).max(100).default([]),
  condition: z.record(z.string(), z.unknown()).default({}),
});
export type TSearchProcesses = z.input<typeof ZSearchProcesses>;

type TColumnKind = "int" | "text" | "bool";
const SEARCHABLE = new Set(SEARCHABLE_FIELDS);
const PG_ARRAY_TYPE: Record<TColumnKind, string> = { int: "int[]", text: "text[]", bool: "boolean[]" };

export type TSearchResult = { count: number; info: Record<string, unknown>[] };

export async function searchProcesses(business: TBusinessRef, input: unknown): Promise<TSearchResult> {
  const parsed = ZSearchProcesses.safeParse(input ?? {});
  if (!parsed.success) throw new ApiError("OUT_OF_RANGE", describeZodIssue(parsed.error.issues[0]));
  const { page, fields, condition } = parsed.data;

  const columns = selectColumns(fields);
  const params: unknown[] = [business.id];
  const where = ["p.bk_biz_id = $1", ...buildConditions(condition, params, business.id)].join(" AND ");
  const orderBy = buildOrderBy(page.sort);
  params.push(page.limit, page.start);

  // One round trip: the total from its own count (an index-only scan), the page from an ordered,
  // limited scan. A window count(*) OVER () would read every matching row in full just to count it.
  const sql = `SELECT total.n AS "__total", page.* FROM (SELECT count(*)::int AS n FROM process p WHERE ${where}) total
    LEFT JOIN LATERAL (
      SELECT true AS "__present", ${columns.map((c) => `p."${c}"`).join(", ")} FROM process p WHERE ${where}
      ORDER BY ${orderBy} LIMIT $${params.length - 1} OFFSET $${params.length}
    ) page ON true`;
  const rows = await getDb().$queryRawUnsafe<Record<string, unknown>[]>(sql, ...params);

  // a page past the end is one row holding only the total
  const info = rows.filter((row) => row.__present).map(({ __total: _total, __present: _present, ...row }) => row);
  return { count: Number(rows[0]?.__total ?? 0), info };
}

function selectColumns(fields: string[]): string[] {
  if (!fields.length) return SEARCHABLE_FIELDS;
  const unknown = fields.filter((field) => !SEARCHABLE.has(field));
  if (unknown.length) throw new ApiError("OUT_OF_RANGE", text(`fields: unknown field ${unknown.join(", ")}`, `fields：不存在的字段 ${unknown.join(", ")}`));
  return [...new Set(fields)];
}

function buildOrderBy(sort: string): string {
  const keys = sort.split(",").map((key) => key.trim()).filter(Boolean);
  const parts: string[] = [];
  for (const key of keys) {
    const isDescending = key.startsWith("-");
    const field = key.replace(/^[-+]/, "");
    if (!SEARCHABLE.has(field)) throw new ApiError("OUT_OF_RANGE", text(`page.sort: unknown field '${field}'`, `page.sort：不存在的字段 '${field}'`));
    parts.push(`p."${field}" ${isDescending ? "DESC" : "ASC"}`);
  }
  if (!keys.some((key) => key.replace(/^[-+]/, "") === "bk_process_id")) parts.push(`p.bk_process_id ASC`);
  return parts.join(", ");
}

function buildConditions(condition: Record<string, unknown>, params: unknown[], bizId: number): string[] {
  const clauses: string[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };

  for (const [field, raw] of Object.entries(condition)) {
    // the path names business and supplier account; a condition cannot widen or move them
    if (field === "bk_biz_id" || field === "bk_supplier_account") continue;

    if (field === "bk_module_name") {
      const names = readValues(field, raw, "text");
      clauses.push(`p.bk_process_id IN (SELECT b.bk_process_id FROM process_module_binding b WHERE b.bk_biz_id = ${bind(bizId)} AND b.bk_module_name = ANY(${bind(names)}::text[]))`);
      continue;
    }
    if (!SEARCHABLE.has(field)) throw new ApiError("OUT_OF_RANGE", text(`condition: unknown field '${field}'`, `condition：不存在的字段 '${field}'`));

    const kind = columnKind(field);
    if (field === "bk_process_name" && typeof raw !== "object") {
      // the one fuzzy attribute: case-sensitive substring, LIKE wildcards in the value taken literally
      const needle = String(raw).replace(/[\\%_]/g, (c) => `\\${c}`);
      clauses.push(`p.bk_process_name LIKE ${bind(`%${needle}%`)}`);
      continue;
    }
    if (raw === null) {
      clauses.push(kind === "text" ? `p."${field}" = ''` : `p."${field}" IS NULL`);
      continue;
    }
    const values = readValues(field, raw, kind);
    clauses.push(values.length === 1 ? `p."${field}" = ${bind(values[0])}` : `p."${field}" = ANY(${bind(values)}::${PG_ARRAY_TYPE[kind]})`);
  }
  return clauses;
}

/** A condition value, or {"$in": [...]}, coerced to the column's type: "80" matches an int, 80 a string. */
function readValues(field: string, raw: unknown, kind: TColumnKind): unknown[] {
  const list = isInOperator(raw) ? raw.$in : [raw];
  if (!list.length) throw new ApiError("OUT_OF_RANGE", text(`condition.${field}: $in needs at least one value`, `condition.${field}：$in 至少需要一个值`));
  return list.map((value) => coerce(field, value, kind));
}

function isInOperator(raw: unknown): raw is { $in: unknown[] } {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) && Object.keys(raw).length === 1 && Array.isArray((raw as { $in?: unknown }).$in);
}

function coerce(field: string, value: unknown, kind: TColumnKind): unknown {
  if (kind === "int" && (typeof value === "number" || typeof value === "string") && /^-?\d{1,10}$/.test(String(value))) return Number(value);
  if (kind === "bool" && (value === true || value === false || value === "true" || value === "false")) return value === true || value === "true";
  if (kind === "text" && (typeof value === "string" || typeof value === "number")) return String(value);
  const expected = { int: "an integer", bool: "true or false", text: "a string" }[kind];
  throw new ApiError("OUT_OF_RANGE", text(`condition.${field} must be ${expected} (or {"$in": [...]}), got ${JSON.stringify(value)}`, `condition.${field} 必须是${{ int: "整数", bool: "布尔值", text: "字符串" }[kind]}（或 {"$in": [...]}），实际为 ${JSON.stringify(value)}`));
}

function columnKind(field: string): TColumnKind {
  if (field === "bk_process_id" || field === "bk_biz_id") return "int";
  const type: TAttributeType | undefined = ATTRIBUTES_BY_ID.get(field)?.type;
  return type === "int" ? "int" : type === "bool" ? "bool" : "text";
}
