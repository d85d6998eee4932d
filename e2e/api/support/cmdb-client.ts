// Real HTTP against the server that scripts/run-tests.ts started; real PostgreSQL behind it.
import pg from "pg";
import { afterAll, expect } from "vitest";

export const BASE_URL = required("PROCDECK_TEST_URL");
export const APP = { code: required("PROCDECK_TEST_APP_CODE"), secret: required("PROCDECK_TEST_APP_SECRET") };
export const DEMO_BIZ = 2;
/** the operator every request names unless it says otherwise */
export const OPERATOR = "tester";

export type TCmdbBody = { result: boolean; bk_error_code: number; bk_error_msg: string; data: unknown };
export type TCmdbReply = { status: number; body: TCmdbBody; contentType: string; text: string; headers: Headers };

type TRequestOptions = {
  body?: unknown;
  /** raw body text, sent as is (malformed JSON, huge bodies) */
  rawBody?: string;
  /** send the body as a stream (chunked, no content-length) */
  isStreamed?: boolean;
  headers?: Record<string, string>;
  /** default: app credentials in X-Bkapi-Authorization and BK_User "tester" */
  auth?: "header" | "body" | "query" | "none";
  /** the acting user; null sends none (header auth: BK_User; body/query auth: bk_username) */
  operator?: string | null;
  lang?: "en" | "zh";
};

export async function cmdb(method: string, path: string, options: TRequestOptions = {}): Promise<TCmdbReply> {
  const auth = options.auth ?? "header";
  const operator = options.operator === undefined ? OPERATOR : options.operator;
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.lang === "en") headers["HTTP_BLUEKING_LANGUAGE"] = "en";
  let url = `${BASE_URL}${path}`;
  let body = options.body;
  if (auth === "header") {
    headers["X-Bkapi-Authorization"] = JSON.stringify({ bk_app_code: APP.code, bk_app_secret: APP.secret });
    if (operator !== null) headers["BK_User"] = operator;
  } else if (auth === "body") {
    body = { bk_app_code: APP.code, bk_app_secret: APP.secret, ...(operator === null ? {} : { bk_username: operator }), ...(body as object) };
  } else if (auth === "query") {
    const query = new URLSearchParams({ bk_app_code: APP.code, bk_app_secret: APP.secret, ...(operator === null ? {} : { bk_username: operator }) });
    url += `${url.includes("?") ? "&" : "?"}${query}`;
  }
  const payload = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  const response = await fetch(url, {
    method,
    headers,
    ...(options.isStreamed && payload !== undefined ? { body: streamOf(payload), duplex: "half" } : { body: payload }),
  } as RequestInit);
  const text = await response.text();
  let parsed: TCmdbBody;
  try {
    parsed = JSON.parse(text) as TCmdbBody;
  } catch {
    throw new Error(`${method} ${path} answered ${response.status} with a body that is not JSON: ${text.slice(0, 300)}`);
  }
  return { status: response.status, body: parsed, contentType: response.headers.get("content-type") ?? "", text, headers: response.headers };
}

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const chunk = 64 * 1024;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

/** A CMDB success envelope; returns its data. */
export function expectSuccess<T = unknown>(reply: TCmdbReply): T {
  expect(reply.body, reply.text).toMatchObject({ result: true, bk_error_code: 0, bk_error_msg: "success" });
  expect(reply.status).toBe(200);
  expect(reply.contentType).toMatch(/^application\/json/);
  return reply.body.data as T;
}

/** A CMDB error envelope with this code and HTTP status, whose message matches every pattern. */
export function expectCmdbError(reply: TCmdbReply, code: number, status: number, ...messagePatterns: (string | RegExp)[]) {
  expect(reply.body, reply.text).toEqual({ result: false, bk_error_code: code, bk_error_msg: expect.any(String), data: null });
  expect(reply.status).toBe(status);
  expect(reply.contentType).toMatch(/^application\/json/);
  expect(reply.body.bk_error_msg.trim()).not.toBe("");
  for (const pattern of messagePatterns) expect(reply.body.bk_error_msg).toMatch(pattern);
  expectNoLeak(reply.text);
}

/** No HTML page and no stack trace in a reply. */
export function expectNoLeak(text: string) {
  expect(text).not.toMatch(/<html|<!doctype|<body/i);
  expect(text).not.toMatch(/\bat \S+ \(|\.tsx?:\d+|node_modules|Error: /);
}

// ------------------------------------------------------------------ processes

export type TProcessRow = Record<string, unknown> & { bk_process_id: number; bk_process_name: string; revision: number };

export function uniqueName(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** Creates a process through the API and returns its id. */
export async function createProcess(attributes: Record<string, unknown> = {}, bizId = DEMO_BIZ): Promise<number> {
  const body = { bk_process_name: uniqueName("proc"), bk_func_name: "worker", ...attributes };
  const data = expectSuccess<{ bk_process_id: number }>(await cmdb("POST", `/api/v3/proc/0/${bizId}`, { body }));
  expect(data.bk_process_id).toEqual(expect.any(Number));
  return data.bk_process_id;
}

export async function processRow(id: number): Promise<TProcessRow | undefined> {
  const rows = await sql<TProcessRow>(`SELECT * FROM process WHERE bk_process_id = $1`, [id]);
  return rows[0];
}

export async function processCount(bizId = DEMO_BIZ): Promise<number> {
  const rows = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM process WHERE bk_biz_id = $1`, [bizId]);
  return rows[0].n;
}

/** The module names a process is bound to, sorted. */
export async function bindingNames(processId: number): Promise<string[]> {
  const rows = await sql<{ bk_module_name: string }>(`SELECT bk_module_name FROM process_module_binding WHERE bk_process_id = $1`, [processId]);
  return rows.map((row) => row.bk_module_name).sort();
}

// ------------------------------------------------------------------ audit

export type TAuditRow = {
  id: string;
  bk_biz_id: number | null;
  actor_type: string;
  actor: string;
  app_code: string | null;
  object_type: string;
  object_id: string;
  object_name: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export async function auditRows(processId: number, action?: string): Promise<TAuditRow[]> {
  return sql<TAuditRow>(
    `SELECT * FROM audit_entry WHERE object_type = 'process' AND object_id = $1 AND ($2::text IS NULL OR action = $2) ORDER BY id`,
    [String(processId), action ?? null],
  );
}

// ------------------------------------------------------------------ topology

/** A business of its own (supplier account "0"), so tests that add topology never disturb the demo one. */
export async function createBusiness(prefix = "biz"): Promise<number> {
  const rows = await sql<{ bk_biz_id: number }>(`INSERT INTO business (bk_biz_name, bk_supplier_account) VALUES ($1, '0') RETURNING bk_biz_id`, [uniqueName(prefix)]);
  return rows[0].bk_biz_id;
}

/** A set with ordinary modules (or, with setDefault 1, the idle pool whose modules carry their own default flag). */
export async function createSet(bizId: number, name: string, modules: { name: string; defaultFlag?: number }[], setDefault = 0): Promise<void> {
  const [set] = await sql<{ bk_set_id: number }>(`INSERT INTO "set" (bk_biz_id, bk_set_name, "default") VALUES ($1, $2, $3) RETURNING bk_set_id`, [bizId, name, setDefault]);
  for (const module of modules) {
    await sql(`INSERT INTO module (bk_biz_id, bk_set_id, bk_module_name, "default") VALUES ($1, $2, $3, $4)`, [bizId, set.bk_set_id, module.name, module.defaultFlag ?? 0]);
  }
}

// ------------------------------------------------------------------ database

let pool: pg.Pool | undefined;
/** Direct reads for "nothing changed" assertions, and set-up the API has no endpoint for. */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  pool ??= new pg.Pool({ connectionString: required("DATABASE_URL"), max: 2 });
  return (await pool.query<T>(text, values)).rows;
}

afterAll(async () => {
  await pool?.end();
  pool = undefined;
});

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the API tests through \`npm test\``);
  return value;
}
