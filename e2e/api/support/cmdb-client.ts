// Real HTTP against the server that scripts/run-tests.ts started; real PostgreSQL behind it.
import pg from "pg";

export const BASE_URL = required("PROCDECK_TEST_URL");
export const APP = { code: required("PROCDECK_TEST_APP_CODE"), secret: required("PROCDECK_TEST_APP_SECRET") };
export const DEMO_BIZ = 2;

export type TCmdbReply = { status: number; body: { result: boolean; bk_error_code: number; bk_error_msg: string; data: unknown }; contentType: string };

type TRequestOptions = {
  body?: unknown;
  /** raw body text, sent as is (malformed JSON, huge bodies) */
  rawBody?: string;
  headers?: Record<string, string>;
  /** default: app credentials in X-Bkapi-Authorization and BK_User "tester" */
  auth?: "header" | "body" | "query" | "none";
  lang?: "en" | "zh";
};

export async function cmdb(method: string, path: string, options: TRequestOptions = {}): Promise<TCmdbReply> {
  const auth = options.auth ?? "header";
  const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
  if (options.lang === "en") headers["HTTP_BLUEKING_LANGUAGE"] = "en";
  let url = `${BASE_URL}${path}`;
  let body = options.body;
  if (auth === "header") {
    headers["X-Bkapi-Authorization"] = JSON.stringify({ bk_app_code: APP.code, bk_app_secret: APP.secret });
    headers["BK_User"] ??= "tester";
  } else if (auth === "body") {
    body = { bk_app_code: APP.code, bk_app_secret: APP.secret, bk_username: "tester", ...(body as object) };
  } else if (auth === "query") {
    url += `${url.includes("?") ? "&" : "?"}bk_app_code=${APP.code}&bk_app_secret=${APP.secret}&bk_username=tester`;
  }
  const response = await fetch(url, {
    method,
    headers,
    body: options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const contentType = response.headers.get("content-type") ?? "";
  return { status: response.status, body: await response.json(), contentType };
}

let pool: pg.Pool | undefined;
/** Direct reads for "nothing changed" assertions. */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  pool ??= new pg.Pool({ connectionString: required("DATABASE_URL"), max: 2 });
  return (await pool.query<T>(text, values)).rows;
}

export function uniqueName(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the API tests through \`npm test\``);
  return value;
}
