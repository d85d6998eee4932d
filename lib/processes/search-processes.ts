// search_process as one SQL statement: the asked columns, the page, and the total in a single round
// trip. Identifiers come only from the attribute whitelist; every value is a parameter.
//
// Conditions take plain values (bk_process_name: substring; anything else: equal) and the operator
// objects bk-cmdb passes through to its store ($eq $ne $in $nin $regex $gt $gte $lt $lte $exists),
// compiled here to SQL with the same meaning. "Not set" is NULL for int, bool and enum columns and ""
// for text columns (they store "" for unset), so $exists, $eq null and $ne null follow that.
import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/core/errors";
import { describeZodIssue } from "@/lib/core/describe-zod-issue";
import { getDb, queryShaped } from "@/lib/core/db";
import { ATTRIBUTES_BY_ID, SEARCHABLE_FIELDS, type TAttributeType } from "@/lib/processes/attribute-metadata";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { text, type TLocalText } from "@/lib/core/i18n";
import { JsonText } from "@/lib/core/json-text";

export const SEARCH_LIMIT_MAX = 200;
/** longer patterns are refused: PostgreSQL compiles every pattern, and a huge one is a cheap way to burn CPU */
export const REGEX_MAX_LENGTH = 256;
const IN_LIST_MAX = 10_000;
const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

export const OPERATORS = ["$eq", "$ne", "$in", "$nin", "$regex", "$gt", "$gte", "$lt", "$lte", "$exists"] as const;
type TOperator = (typeof OPERATORS)[number];
const OPERATOR_SET = new Set<string>(OPERATORS);

// a JSON null for a page member means "not given", as it does to bk-cmdb's Go decoder
export const ZSearchProcesses = z.strictObject({
  page: z
    .strictObject({
      start: z.number().int().min(0).nullish(),
      // no limit: every match (bk-cmdb 3.x's UI selects all rows with `page: {}`); an explicit one is 1–200
      limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).nullish(),
      sort: z.string().max(1000).nullish(),
    })
    .nullish(),
  fields: z.array(z.string()).max(100).nullish(),
  condition: z.record(z.string(), z.unknown()).nullish(),
});
export type TSearchProcesses = z.input<typeof ZSearchProcesses>;

type TColumnKind = "int" | "text" | "bool";
const SEARCHABLE = new Set(SEARCHABLE_FIELDS);
const PG_ARRAY_TYPE: Record<TColumnKind, string> = { int: "int[]", text: "text[]", bool: "boolean[]" };
const KIND_EN: Record<TColumnKind, string> = { int: "an integer", bool: "true or false", text: "a string" };
const KIND_ZH: Record<TColumnKind, string> = { int: "整数", bool: "布尔值", text: "字符串" };

export type TSearchResult = { count: number; info: Record<string, unknown>[] };

/** Collects the statement's parameters and the $regex patterns to check once. */
type TBuilder = { params: unknown[]; patterns: { at: string; pattern: string }[]; bind: (value: unknown) => string };

function newBuilder(params: unknown[]): TBuilder {
  const builder: TBuilder = {
    params,
    patterns: [],
    bind: (value) => {
      params.push(value);
      return `$${params.length}`;
    },
  };
  return builder;
}

/**
 * What only the console's own list asks for, never reachable from the CMDB API's body: a
 * case-insensitive match on name or function name, and columns with their own ORDER BY terms.
 */
export type TConsoleSearchOptions = {
  /** substring of bk_process_name or bk_func_name, any case ("" = any) */
  anyName?: string;
  sortTerms?: Record<string, (direction: "ASC" | "DESC") => string>;
};

/** The one statement a search runs, and the $regex patterns in it (bench:search runs the same text). */
export type TSearchStatement = { sql: string; params: unknown[]; patterns: { at: string; pattern: string }[] };

export async function searchProcesses(business: TBusinessRef, input: unknown, options: TConsoleSearchOptions = {}): Promise<TSearchResult> {
  const rows = await runStatement(buildSearchStatement(business, input, options));
  // a page past the end is one row holding only the total
  const info = rows.filter((row) => row.__present).map(({ __total: _total, __present: _present, __checked: _checked, ...row }) => row);
  return { count: Number(rows[0]?.__total ?? 0), info };
}

/**
 * search_process's `data` ({count, info}) as JSON text, for the CMDB API: PostgreSQL writes the page
 * as JSON (row_to_json: the same text JSON.stringify makes of the rows, byte for byte, for the int,
 * text and bool columns a process has), so the server parses no row and serialises no object; the
 * envelope splices the text in. bench:search: half the client CPU of rows turned into objects.
 */
export async function searchProcessesJson(business: TBusinessRef, input: unknown): Promise<JsonText> {
  const [row] = await runStatement(buildSearchJsonStatement(business, input));
  return new JsonText(`{"count":${Number(row.__total)},"info":${String(row.__info)}}`);
}

async function runStatement(statement: TSearchStatement): Promise<Record<string, unknown>[]> {
  try {
    // on the pool, prepared per shape: the ORM's raw query costs more CPU than the statement itself (bench:search)
    return await queryShaped<Record<string, unknown>>(statement.sql, statement.params);
  } catch (error) {
    if (statement.patterns.length && postgresErrorCode(error) === INVALID_REGULAR_EXPRESSION) throw await findBadPattern(statement.patterns);
    throw error;
  }
}

export function buildSearchStatement(business: TBusinessRef, input: unknown, options: TConsoleSearchOptions = {}): TSearchStatement {
  const { columns, where, orderBy, limit, offset, regexCheck, builder } = compileSearch(business, input, options);
  // One round trip: the total from its own count (an index-only scan), the page from an ordered,
  // limited scan. A window count(*) OVER () would read every matching row in full just to count it.
  const sql = `SELECT total.n AS "__total"${regexCheck}, page.* FROM (SELECT count(*)::int AS n FROM process p WHERE ${where}) total
    LEFT JOIN LATERAL (
      SELECT true AS "__present", ${columns.map((c) => `p."${c}"`).join(", ")} FROM process p WHERE ${where}
      ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}
    ) page ON true`;
  return { sql, params: builder.params, patterns: builder.patterns };
}

/**
 * The same search as one row: the total, and the page as a JSON array text in the page's order
 * (ARRAY(subquery) keeps its ORDER BY; ::text so pg hands the text over unparsed).
 */
export function buildSearchJsonStatement(business: TBusinessRef, input: unknown): TSearchStatement {
  const { columns, where, orderBy, limit, offset, regexCheck, builder } = compileSearch(business, input, {});
  const sql = `SELECT total.n AS "__total"${regexCheck}, array_to_json(ARRAY(
      SELECT row_to_json(page_row) FROM process p CROSS JOIN LATERAL (SELECT ${columns.map((c) => `p."${c}"`).join(", ")}) page_row WHERE ${where}
      ORDER BY ${orderBy} LIMIT ${limit} OFFSET ${offset}
    ))::text AS "__info" FROM (SELECT count(*)::int AS n FROM process p WHERE ${where}) total`;
  return { sql, params: builder.params, patterns: builder.patterns };
}

type TCompiledSearch = { columns: string[]; where: string; orderBy: string; limit: string; offset: string; regexCheck: string; builder: TBuilder };

function compileSearch(business: TBusinessRef, input: unknown, options: TConsoleSearchOptions): TCompiledSearch {
  const parsed = ZSearchProcesses.safeParse(input ?? {});
  if (!parsed.success) throw new ApiError("OUT_OF_RANGE", describeZodIssue(parsed.error.issues[0]));
  const page = parsed.data.page ?? {};

  const columns = selectColumns(parsed.data.fields ?? []);
  const builder = newBuilder([business.id]);
  const clauses = ["p.bk_biz_id = $1", ...buildConditions(parsed.data.condition ?? {}, builder, business.id)];
  if (options.anyName) {
    const needle = builder.bind(`%${options.anyName.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    clauses.push(`(p.bk_process_name ILIKE ${needle} OR p.bk_func_name ILIKE ${needle})`);
  }
  const where = clauses.join(" AND ");
  const orderBy = buildOrderBy(page.sort ?? "", options.sortTerms ?? {});
  // LIMIT NULL is no limit
  const limit = builder.bind(page.limit ?? null);
  const offset = builder.bind(page.start ?? 0);
  // Every pattern is compiled once up front, so a bad one is refused even when no row reaches it.
  const regexCheck = builder.patterns.length ? `, (SELECT count(*) FROM unnest(${builder.bind(builder.patterns.map((p) => p.pattern))}::text[]) AS r(pattern) WHERE '' ~ r.pattern) AS "__checked"` : "";
  return { columns, where, orderBy, limit, offset, regexCheck, builder };
}

function selectColumns(fields: string[]): string[] {
  if (!fields.length) return SEARCHABLE_FIELDS;
  const unknown = fields.filter((field) => !SEARCHABLE.has(field));
  if (unknown.length) throw new ApiError("OUT_OF_RANGE", text(`fields: unknown field ${unknown.join(", ")}`, `fields：不存在的字段 ${unknown.join(", ")}`));
  return [...new Set(fields)];
}

function buildOrderBy(sort: string, sortTerms: NonNullable<TConsoleSearchOptions["sortTerms"]>): string {
  const keys = sort.split(",").map((key) => key.trim()).filter(Boolean);
  const parts: string[] = [];
  for (const key of keys) {
    const isDescending = key.startsWith("-");
    const field = key.replace(/^[-+]/, "");
    if (!SEARCHABLE.has(field)) throw new ApiError("OUT_OF_RANGE", text(`page.sort: unknown field '${field}'`, `page.sort：不存在的字段 '${field}'`));
    const direction = isDescending ? "DESC" : "ASC";
    parts.push(sortTerms[field]?.(direction) ?? `p."${field}" ${direction}`);
  }
  if (!keys.some((key) => key.replace(/^[-+]/, "") === "bk_process_id")) parts.push(`p.bk_process_id ASC`);
  return parts.join(", ");
}

function buildConditions(condition: Record<string, unknown>, builder: TBuilder, bizId: number): string[] {
  const clauses: string[] = [];
  for (const [field, raw] of Object.entries(condition)) {
    if (field === "bk_biz_id" || field === "bk_supplier_account") {
      // The path names business and supplier account, and wins (proc_server overwrites both the same
      // way); a condition cannot widen or move them. Operator objects are still checked, so a typo is
      // reported rather than silently ignored.
      if (isOperatorObject(raw)) compileColumn(field, `p."${field}"`, columnKind(field), raw, newBuilder([]));
      continue;
    }
    if (field === "bk_module_name") {
      clauses.push(compileModuleName(raw, builder, bizId));
      continue;
    }
    if (!SEARCHABLE.has(field)) throw new ApiError("OUT_OF_RANGE", text(`condition: unknown field '${field}'`, `condition：不存在的字段 '${field}'`));

    const column = `p."${field}"`;
    const kind = columnKind(field);
    if (isOperatorObject(raw)) {
      clauses.push(compileColumn(field, column, kind, raw, builder));
      continue;
    }
    if (field === "bk_process_name" && raw !== null && typeof raw !== "object") {
      // the one fuzzy attribute: case-sensitive substring, LIKE wildcards in the value taken literally
      const needle = String(raw).replace(/[\\%_]/g, (c) => `\\${c}`);
      clauses.push(`p.bk_process_name LIKE ${builder.bind(`%${needle}%`)}`);
      continue;
    }
    clauses.push(compileColumn(field, column, kind, { $eq: raw }, builder));
  }
  return clauses;
}

function isOperatorObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}

/** Every operator of one condition value, AND-ed; refuses unknown operators and an empty object. */
function readOperators(field: string, raw: Record<string, unknown>): [TOperator, unknown][] {
  const entries = Object.entries(raw);
  if (!entries.length) {
    throw fieldError(field, text(`needs an operator: one of ${OPERATORS.join(" ")}`, `需要一个运算符：${OPERATORS.join(" ")} 之一`));
  }
  for (const [operator] of entries) {
    if (!OPERATOR_SET.has(operator)) {
      throw fieldError(field, text(`unknown operator '${operator}'; use one of ${OPERATORS.join(" ")}`, `不支持的运算符 '${operator}'，可用 ${OPERATORS.join(" ")}`));
    }
  }
  return entries as [TOperator, unknown][];
}

function compileColumn(field: string, column: string, kind: TColumnKind, raw: Record<string, unknown>, builder: TBuilder): string {
  const parts = readOperators(field, raw).map(([operator, value]) => compileOperator(field, column, kind, operator, value, builder));
  return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`;
}

function compileOperator(field: string, column: string, kind: TColumnKind, operator: TOperator, value: unknown, builder: TBuilder): string {
  const at = `${field}.${operator}`;
  const isSet = kind === "text" ? `${column} <> ''` : `${column} IS NOT NULL`;
  const isUnset = kind === "text" ? `${column} = ''` : `${column} IS NULL`;
  switch (operator) {
    case "$eq":
      return value === null ? isUnset : `${column} = ${builder.bind(coerce(at, value, kind))}`;
    case "$ne":
      return value === null ? isSet : `${column} IS DISTINCT FROM ${builder.bind(coerce(at, value, kind))}`;
    case "$in":
    case "$nin": {
      const list = readList(at, value);
      const values = list.filter((item) => item !== null).map((item) => coerce(at, item, kind));
      const hasNull = values.length < list.length;
      const anyOf = values.length ? `${column} = ANY(${builder.bind(values)}::${PG_ARRAY_TYPE[kind]})` : "false";
      // $in [..., null] also matches unset; $nin matches unset unless it lists null (as in MongoDB)
      if (operator === "$in") return hasNull ? `(${anyOf} OR ${isUnset})` : anyOf;
      return hasNull ? `(${anyOf}) IS NOT TRUE AND ${isSet}` : `(${anyOf}) IS NOT TRUE`;
    }
    case "$regex": {
      if (kind !== "text") throw fieldError(at, text("applies to text attributes only", "只能用于文本属性"));
      const pattern = readPattern(at, value);
      builder.patterns.push({ at, pattern });
      return `${column} ~ ${builder.bind(pattern)}`;
    }
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte": {
      const sqlOperator = { $gt: ">", $gte: ">=", $lt: "<", $lte: "<=" }[operator];
      if (kind === "bool") throw fieldError(at, text("applies to integer and text attributes only", "只能用于整数和文本属性"));
      if (kind === "int") return `${column} ${sqlOperator} ${builder.bind(coerce(at, value, kind))}`;
      // text compares as text, byte order like MongoDB's; a number here would compare "80" > "100"
      if (typeof value !== "string") throw fieldError(at, text(`must be a string, got ${describeValue(value)}`, `必须是字符串，实际为 ${describeValue(value)}`));
      return `${column} COLLATE "C" ${sqlOperator} ${builder.bind(value)}`;
    }
    case "$exists":
      if (typeof value !== "boolean") throw fieldError(at, text(`must be true or false, got ${describeValue(value)}`, `必须是 true 或 false，实际为 ${describeValue(value)}`));
      return value ? isSet : isUnset;
  }
}

/**
 * bk_module_name is not a column: it matches the processes bound to a module of that name. Positive
 * operators ask for a binding that matches; $ne, $nin and $exists:false for none that does, so
 * {"$ne": "db"} means "not bound to db" (unbound processes included).
 */
function compileModuleName(raw: unknown, builder: TBuilder, bizId: number): string {
  const field = "bk_module_name";
  const operators: [TOperator, unknown][] = isOperatorObject(raw) ? readOperators(field, raw) : [["$eq", raw]];
  const biz = builder.bind(bizId);
  const binding = (predicate: string) =>
    `EXISTS (SELECT 1 FROM process_module_binding b WHERE b.bk_biz_id = ${biz} AND b.bk_process_id = p.bk_process_id${predicate ? ` AND ${predicate}` : ""})`;
  const parts = operators.map(([operator, value]) => {
    if (operator === "$exists") {
      if (typeof value !== "boolean") throw fieldError(`${field}.$exists`, text(`must be true or false, got ${describeValue(value)}`, `必须是 true 或 false，实际为 ${describeValue(value)}`));
      return value ? binding("") : `NOT ${binding("")}`;
    }
    const isNull = value === null || (Array.isArray(value) && value.includes(null));
    if (isNull) throw fieldError(`${field}.${operator}`, text('null is not a module name; use {"$exists": false} for processes bound to none', 'null 不是模块名；查询未绑定模块的进程请用 {"$exists": false}'));
    if (operator === "$ne") return `NOT ${binding(compileOperator(field, "b.bk_module_name", "text", "$eq", value, builder))}`;
    if (operator === "$nin") return `NOT ${binding(compileOperator(field, "b.bk_module_name", "text", "$in", value, builder))}`;
    return binding(compileOperator(field, "b.bk_module_name", "text", operator, value, builder));
  });
  return parts.length === 1 ? parts[0] : `(${parts.join(" AND ")})`;
}

function readList(at: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw fieldError(at, text(`must be an array, got ${describeValue(value)}`, `必须是数组，实际为 ${describeValue(value)}`));
  if (!value.length) throw fieldError(at, text("needs at least one value", "至少需要一个值"));
  if (value.length > IN_LIST_MAX) throw fieldError(at, text(`takes at most ${IN_LIST_MAX} values`, `最多 ${IN_LIST_MAX} 个值`));
  return value;
}

function readPattern(at: string, value: unknown): string {
  if (typeof value !== "string") throw fieldError(at, text(`must be a string (a regular expression), got ${describeValue(value)}`, `必须是字符串（正则表达式），实际为 ${describeValue(value)}`));
  if (value.length > REGEX_MAX_LENGTH) throw fieldError(at, text(`is longer than ${REGEX_MAX_LENGTH} characters`, `长度超过 ${REGEX_MAX_LENGTH} 个字符`));
  return value;
}

/** A condition value coerced to the column's type: "80" matches an int, 80 a string. */
function coerce(at: string, value: unknown, kind: TColumnKind): unknown {
  if (kind === "int" && (typeof value === "number" || typeof value === "string") && /^-?\d{1,10}$/.test(String(value))) {
    const number = Number(value);
    if (number >= INT4_MIN && number <= INT4_MAX) return number;
  }
  if (kind === "bool" && (value === true || value === false || value === "true" || value === "false")) return value === true || value === "true";
  if (kind === "text" && (typeof value === "string" || typeof value === "number")) return String(value);
  throw fieldError(at, text(`must be ${KIND_EN[kind]}, got ${describeValue(value)}`, `必须是${KIND_ZH[kind]}，实际为 ${describeValue(value)}`));
}

function columnKind(field: string): TColumnKind {
  if (field === "bk_process_id" || field === "bk_biz_id") return "int";
  const type: TAttributeType | undefined = ATTRIBUTES_BY_ID.get(field)?.type;
  return type === "int" ? "int" : type === "bool" ? "bool" : "text";
}

/** `at` is field or field.$operator; the message reads "condition.<at> <reason>". */
function fieldError(at: string, reason: TLocalText): ApiError {
  return new ApiError("OUT_OF_RANGE", text(`condition.${at} ${reason.en}`, `condition.${at} ${reason.zh}`));
}

function describeValue(value: unknown): string {
  return (JSON.stringify(value) ?? String(value)).slice(0, 60);
}

const INVALID_REGULAR_EXPRESSION = "2201B";

/** The SQLSTATE of a failed raw query, through Prisma's driver-adapter error or straight from pg. */
function postgresErrorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  const code = candidate?.meta?.driverAdapterError?.cause?.originalCode ?? candidate?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * PostgreSQL says a pattern is bad but not which one. Only on this error path, each pattern is tried
 * on its own to name the field (its own dialect decides: POSIX ARE, not PCRE).
 */
async function findBadPattern(patterns: { at: string; pattern: string }[]): Promise<ApiError> {
  for (const { at, pattern } of patterns) {
    try {
      await getDb().$queryRawUnsafe(`SELECT '' ~ $1 AS ok`, pattern);
    } catch (error) {
      if (postgresErrorCode(error) !== INVALID_REGULAR_EXPRESSION) throw error;
      const reason = postgresErrorMessage(error).replace(/^invalid regular expression:\s*/i, "");
      return fieldError(at, text(`is not a valid regular expression: ${reason}`, `不是有效的正则表达式：${reason}`));
    }
  }
  return new ApiError("OUT_OF_RANGE", text("condition: a $regex is not a valid regular expression", "condition：$regex 不是有效的正则表达式"));
}

function postgresErrorMessage(error: unknown): string {
  const candidate = error as { message?: unknown; meta?: { driverAdapterError?: { cause?: { originalMessage?: unknown } } } } | null;
  const message = candidate?.meta?.driverAdapterError?.cause?.originalMessage ?? candidate?.message;
  return String(message ?? "").slice(0, 120);
}
