// The browser's one way to call the console API: JSON in, the envelope unwrapped out, the CSRF token
// and UI language attached, and every failure as a ConsoleApiError carrying the server's kind and
// per-field messages. Used only inside TanStack Query functions.
import type { TConsoleBody } from "@/lib/api/console-envelope";
import type { TApiErrorKind } from "@/lib/core/errors";
import { CSRF_COOKIE, CSRF_HEADER } from "@/lib/access/cookie-names";
import { readCookie } from "@/lib/client/read-cookie";
import { LANG_COOKIE, LANG_HEADER } from "@/lib/core/ui-language";

export type TErrorKind = TApiErrorKind | "NETWORK";

export class ConsoleApiError extends Error {
  readonly status: number;
  readonly kind: TErrorKind;
  readonly fields: Record<string, string>;

  constructor(status: number, kind: TErrorKind, message: string, fields: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.kind = kind;
    this.fields = fields;
  }
}

type TFetchOptions = { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown; signal?: AbortSignal };

export async function consoleFetch<T>(path: string, options: TFetchOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  const lang = readCookie(LANG_COOKIE);
  if (lang) headers[LANG_HEADER] = lang;
  if (method !== "GET") headers[CSRF_HEADER] = readCookie(CSRF_COOKIE) ?? "";
  if (options.body !== undefined) headers["content-type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: options.signal, credentials: "same-origin" });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ConsoleApiError(0, "NETWORK", error instanceof Error ? error.message : "network error");
  }
  let envelope: TConsoleBody<T>;
  try {
    envelope = (await response.json()) as TConsoleBody<T>;
  } catch {
    throw new ConsoleApiError(response.status, "INTERNAL", `HTTP ${response.status}`);
  }
  if (envelope.ok) return envelope.data;
  throw new ConsoleApiError(response.status, envelope.error.kind, envelope.error.message, envelope.error.fields);
}

export function isConsoleApiError(error: unknown, kind?: TErrorKind): error is ConsoleApiError {
  return error instanceof ConsoleApiError && (kind === undefined || error.kind === kind);
}
