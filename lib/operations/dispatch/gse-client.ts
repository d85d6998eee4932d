// One call to a GSE component through the ESB (or the API gateway in front of it): the app's
// credentials as ESB common arguments in the body (as GSEKit's ESB client sends them) and as
// X-Bkapi-Authorization (as the gateway reads them). The answer is sorted into what the collector
// does next; a message never carries the secret.
import { scrubSecretsInText } from "@/lib/core/scrub-secrets";

export type TGseConnection = { gatewayUrl: string; appCode: string; appSecret: string; username: string };

/**
 * - ok: result true, its data;
 * - pending: the task is still queued at GSE (code 1000115): ask again;
 * - refused: GSE answered with an error envelope (result false, or a 4xx): asking again will not help;
 * - unreachable: no answer (connection refused, a time-out, a 5xx, not JSON); `isUnsent` when the
 *   request surely never arrived (the connection was refused), so sending it again is safe.
 */
export type TGseAnswer =
  | { kind: "ok"; data: unknown }
  | { kind: "pending" }
  | { kind: "refused"; message: string }
  | { kind: "unreachable"; message: string; isUnsent: boolean };

const TIMEOUT_MS = 10_000;
export const GSE_RUNNING_TASK_CODE = 1000115;
const UNSENT_ERRORS = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export function gseUrlOf(gatewayUrl: string, name: string): string {
  return `${gatewayUrl.replace(/\/+$/, "")}/${name}/`;
}

export async function callGse(connection: TGseConnection, name: string, body: Record<string, unknown>): Promise<TGseAnswer> {
  const url = gseUrlOf(connection.gatewayUrl, name);
  const credentials = { bk_app_code: connection.appCode, bk_app_secret: connection.appSecret, bk_username: connection.username };
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bkapi-authorization": JSON.stringify(credentials) },
      body: JSON.stringify({ ...credentials, ...body }),
      redirect: "error",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    const code = causeCode(error);
    if (error instanceof Error && error.name === "TimeoutError") return { kind: "unreachable", message: `GSE at ${url} did not answer within ${TIMEOUT_MS / 1000} s`, isUnsent: false };
    const reason = code ?? (error instanceof Error ? error.message : String(error));
    return { kind: "unreachable", message: `GSE at ${url} could not be reached: ${scrubSecretsInText(reason)}`, isUnsent: code !== undefined && UNSENT_ERRORS.has(code) };
  }
  const envelope = await readEnvelope(response);
  if (!envelope) return { kind: "unreachable", message: `GSE at ${url} answered HTTP ${response.status} without an ESB envelope`, isUnsent: false };
  if (envelope.code === GSE_RUNNING_TASK_CODE) return { kind: "pending" };
  if (envelope.result === true && response.ok) return { kind: "ok", data: envelope.data };
  const said = `GSE at ${url} refused ${name}: [${envelope.code ?? response.status}] ${scrubSecretsInText(String(envelope.message ?? "")).slice(0, 500)}`;
  if (response.status >= 500) return { kind: "unreachable", message: said, isUnsent: false };
  return { kind: "refused", message: said };
}

type TEnvelope = { result?: unknown; code?: number; message?: unknown; data?: unknown };

async function readEnvelope(response: Response): Promise<TEnvelope | null> {
  try {
    const body: unknown = await response.json();
    if (!body || typeof body !== "object" || !("result" in body)) return null;
    const envelope = body as TEnvelope;
    return { ...envelope, code: Number(envelope.code ?? 0) };
  } catch {
    return null;
  }
}

function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : undefined;
}
