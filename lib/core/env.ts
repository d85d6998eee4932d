// Environment, validated once at start-up with a message that names the bad variable.
import "server-only";
import { createPublicKey, type KeyObject } from "node:crypto";
import { z } from "zod";

const ZName = z.string().regex(/^[A-Za-z0-9_.@-]{1,64}$/, "letters, digits and _.@- only, at most 64 characters");

const ZPostgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), "must be a postgresql:// connection URL");

/**
 * Sign-in throttling (lib/access/login-throttle.ts) and the client address (lib/access/client-origin.ts).
 * Failed sign-ins are counted per (username + client IP) and per client IP within a window; reaching
 * the limit locks that key for PROCDECK_LOGIN_LOCK_SECS. Failures of a username across clients only
 * slow its attempts down (up to PROCDECK_LOGIN_MAX_DELAY_MS). Wrong app secrets count the same way
 * with their own limits. The client IP is the first x-forwarded-for hop only when
 * PROCDECK_TRUST_PROXY=1 (a proxy in front sets it); otherwise it is the socket's address.
 */
export const ZLoginEnv = z.object({
  PROCDECK_TRUST_PROXY: z.enum(["0", "1"], { message: "must be 0 or 1" }).default("0"),
  PROCDECK_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(10),
  PROCDECK_LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(100),
  PROCDECK_LOGIN_WINDOW_SECS: z.coerce.number().int().min(1).max(86_400).default(900),
  PROCDECK_LOGIN_LOCK_SECS: z.coerce.number().int().min(1).max(86_400).default(900),
  /** the longest wait a username's failures across clients impose on each of its attempts */
  PROCDECK_LOGIN_MAX_DELAY_MS: z.coerce.number().int("a whole number").min(0, "at least 0").max(30_000, "at most 30000").default(3000),
  /** wrong app secrets per (app code + client) / per client before that key is locked (API surfaces) */
  PROCDECK_APP_AUTH_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(20),
  PROCDECK_APP_AUTH_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(200),
});
export type TLoginEnv = z.infer<typeof ZLoginEnv>;

/**
 * The BlueKing API gateway's public key (lib/access/apigw-jwt.ts): PEM ("-----BEGIN PUBLIC KEY-----",
 * or PKCS#1 "BEGIN RSA PUBLIC KEY"), or that PEM base64-encoded on one line, as bk-cmdb's own
 * `jwt.publicKey` setting takes it. Unset: X-Bkapi-JWT is ignored.
 */
export function parseApigwPublicKey(value: string): KeyObject {
  const pem = value.includes("-----BEGIN") ? value : Buffer.from(value.replace(/\s+/g, ""), "base64").toString("utf8");
  if (!pem.includes("-----BEGIN")) throw new Error("must be a PEM public key, or the base64 of one");
  // a private key would parse (its public half is derived) but has no business in this setting
  if (pem.includes("PRIVATE KEY")) throw new Error("must be the gateway's public key, not a private key");
  let key: KeyObject;
  try {
    // the key may have come through a one-line env file with literal "\n"s
    key = createPublicKey(pem.replace(/\\n/g, "\n"));
  } catch {
    throw new Error("is not a readable PEM public key");
  }
  if (key.asymmetricKeyType !== "rsa") throw new Error(`must be an RSA key (the gateway signs RS512), got ${key.asymmetricKeyType}`);
  return key;
}

const ZApigwPublicKey = z
  .string()
  .optional()
  .superRefine((value, context) => {
    if (value === undefined) return;
    try {
      parseApigwPublicKey(value);
    } catch (error) {
      context.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
    }
  });

/**
 * Agents and their rows (lib/operations/): the shared enrolment secret, how long a row waits for an
 * agent before 117, and how long past its op_timeout a claimed row may still be reported.
 */
export const ZOperationsEnv = z.object({
  PROCDECK_AGENT_ENROLL_SECRET: z.string().min(16, "at least 16 characters").max(200).optional(),
  PROCDECK_AGENT_GRACE_SECS: z.coerce.number().int("a whole number").min(1, "at least 1").max(3600, "at most 3600").default(5),
  PROCDECK_REPORT_SLACK_SECS: z.coerce.number().int("a whole number").min(1, "at least 1").max(3600, "at most 3600").default(15),
});
export type TOperationsEnv = z.infer<typeof ZOperationsEnv>;

const ZPoolMax = z.coerce.number().int("a whole number").min(2, "at least 2").max(500, "at most 500").default(30);

/**
 * Database time limits (lib/core/db.ts). A frozen or unreachable database must not hang requests: a
 * connection is given up after the connect timeout, a statement after the statement timeout (the
 * server cancels it; the client gives up one second later if the server itself is frozen), a lock
 * wait after the lock timeout, and a transaction left idle after the idle timeout. Requests then get
 * a 503 in their envelope.
 */
export const ZDbTimeoutEnv = z.object({
  PROCDECK_DB_CONNECT_TIMEOUT_MS: z.coerce.number().int("a whole number").min(100, "at least 100").max(60_000, "at most 60000").default(2000),
  PROCDECK_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int("a whole number").min(100, "at least 100").max(600_000, "at most 600000").default(3000),
  PROCDECK_DB_LOCK_TIMEOUT_MS: z.coerce.number().int("a whole number").min(100, "at least 100").max(600_000, "at most 600000").default(2000),
  PROCDECK_DB_IDLE_TX_TIMEOUT_MS: z.coerce.number().int("a whole number").min(1000, "at least 1000").max(3_600_000, "at most 3600000").default(10_000),
});
export type TDbTimeoutEnv = z.infer<typeof ZDbTimeoutEnv>;

/**
 * The console's address as hosts reach it (https://console.example.com): the install script and the
 * command the Hosts page shows are rendered with it. Unset: taken from each request's Host.
 */
export const ZPublicUrlEnv = z.object({
  PROCDECK_PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" })
    .refine((value) => /^https?:\/\/[A-Za-z0-9.:[\]-]+(\/[A-Za-z0-9._~/-]*)?$/.test(value.replace(/\/$/, "")), "must be a plain URL: scheme, host, optional port and path, no query")
    .optional(),
});

export function readPublicUrl(source: NodeJS.ProcessEnv = process.env): string | undefined {
  return parseOrThrow(ZPublicUrlEnv, source).PROCDECK_PUBLIC_URL?.replace(/\/+$/, "");
}

export const ZStartEnv = z.object({
  ...ZPublicUrlEnv.shape,
  ...ZLoginEnv.shape,
  ...ZOperationsEnv.shape,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: ZPostgresUrl.optional(),
  PROCDECK_ADMIN_USER: ZName.default("admin"),
  PROCDECK_ADMIN_PASSWORD: z.string().min(8, "at least 8 characters").max(200).optional(),
  PROCDECK_API_APP_CODE: ZName.default("procdeck"),
  PROCDECK_API_APP_SECRET: z.string().min(16, "at least 16 characters").max(200).optional(),
  /** seals secrets Procdeck must send (a GSE gateway's app secret): readSecretKey */
  PROCDECK_SECRET_KEY: z.string().min(32, "at least 32 characters").max(500).optional(),
  /** where the embedded PostgreSQL keeps its files when DATABASE_URL is unset */
  PROCDECK_DATA_DIR: z.string().min(1).default(".data"),
  PROCDECK_DEMO: z.enum(["0", "1"], { message: "must be 0 or 1" }).default("1"),
  /** database connections per server instance (keep instances × this under PostgreSQL's max_connections) */
  PROCDECK_DB_POOL_MAX: ZPoolMax,
  PROCDECK_APIGW_PUBLIC_KEY: ZApigwPublicKey,
  ...ZDbTimeoutEnv.shape,
});
export type TStartEnv = z.infer<typeof ZStartEnv>;

export class EnvError extends Error {
  override name = "EnvError";
}

export function readStartEnv(source: NodeJS.ProcessEnv = process.env): TStartEnv {
  return parseOrThrow(ZStartEnv, source);
}

/** The sign-in throttling settings, for the server (validated at start-up with the rest). */
export function readLoginEnv(source: NodeJS.ProcessEnv = process.env): TLoginEnv {
  return parseOrThrow(ZLoginEnv, source);
}

let operationsEnv: TOperationsEnv | undefined;

/** The agent settings, read once (start-up has validated them; another start gets the same message). */
export function readOperationsEnv(): TOperationsEnv {
  operationsEnv ??= parseOrThrow(ZOperationsEnv, process.env);
  return operationsEnv;
}

/** An empty variable counts as unset; every problem is listed, each naming its variable. */
function parseOrThrow<TSchema extends z.ZodType>(schema: TSchema, source: NodeJS.ProcessEnv): z.infer<TSchema> {
  const emptyAsUnset = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = schema.safeParse(emptyAsUnset);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
}

export function readDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  const parsed = ZPostgresUrl.safeParse(url);
  if (!parsed.success) throw new EnvError("DATABASE_URL is not set to a postgresql:// URL");
  return parsed.data;
}

/** The connection pool size; read where the pool is made (start-up has already validated it). */
export function readDbPoolMax(): number {
  const raw = process.env.PROCDECK_DB_POOL_MAX;
  const parsed = ZPoolMax.safeParse(raw === "" ? undefined : raw);
  if (!parsed.success) throw new EnvError(`PROCDECK_DB_POOL_MAX: ${parsed.error.issues[0].message}`);
  return parsed.data;
}

/**
 * The gateway's public key, or null when PROCDECK_APIGW_PUBLIC_KEY is unset (start-up has validated
 * it; a server started some other way gets the same message, naming the variable, on first use).
 */
export function readApigwPublicKey(): KeyObject | null {
  const raw = process.env.PROCDECK_APIGW_PUBLIC_KEY;
  if (raw === undefined || raw.trim() === "") return null;
  try {
    return parseApigwPublicKey(raw);
  } catch (error) {
    throw new EnvError(`PROCDECK_APIGW_PUBLIC_KEY: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The database time limits; read where the pool is made (start-up has already validated them). */
export function readDbTimeouts(source: NodeJS.ProcessEnv = process.env): TDbTimeoutEnv {
  const emptyAsUnset = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = ZDbTimeoutEnv.safeParse(emptyAsUnset);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new EnvError(`${issue.path.join(".")}: ${issue.message}`);
}

/**
 * The key that seals secrets Procdeck must send, not compare (a GSE gateway's bk_app_secret,
 * lib/operations/dispatch/seal-secret.ts): any text of 32 characters or more. Unset: such secrets are
 * stored as given, and the console says so.
 */
export function readSecretKey(): string | null {
  const raw = process.env.PROCDECK_SECRET_KEY;
  if (raw === undefined || raw === "") return null;
  if (raw.length < 32) throw new EnvError("PROCDECK_SECRET_KEY: at least 32 characters");
  return raw;
}
