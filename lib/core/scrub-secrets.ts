// A last line of defence: whatever a caller hands to the audit trail or a log line, values under
// secret-looking keys (passwords, app secrets, tokens, their hashes, Authorization headers) are
// replaced before they are stored or printed. Callers should never pass them in the first place.

export const REDACTED = "[redacted]";

const SECRET_KEY = /password|secret|token|hash|authorization/i;
// when a secret changed (passwordChangedAt, token_expires_at) is not itself a secret
const TIMESTAMP_KEY = /(At|_at)$/;

/** Does this key name a secret (bk_app_secret, passwordHash, agent_token, Authorization…)? */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key) && !TIMESTAMP_KEY.test(key);
}

/** A deep copy of a JSON-like value with every secret-looking key's value replaced by "[redacted]". */
export function scrubSecrets<T>(value: T): T {
  return scrubValue(value, 0) as T;
}

// key: "value" / key=value / "key": 'value' …, as error messages and serialised objects print them
const SECRET_ASSIGNMENT = /((?:password|secret|token|hash|authorization)[\w-]*["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,;}\]]+)/gi;
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/=-]+/g;

/** The same for free text about to be logged (an error message, a stack, a serialised object). */
export function scrubSecretsInText(text: string): string {
  return text.replace(SECRET_ASSIGNMENT, (_whole, key: string) => `${key}"${REDACTED}"`).replace(BEARER, (_whole, scheme: string) => `${scheme} ${REDACTED}`);
}

const MAX_DEPTH = 32;

function scrubValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, depth + 1));
  // Dates and other class instances serialise on their own terms; only plain objects have keys to check
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = isSecretKey(key) && canHoldSecret(item) ? REDACTED : scrubValue(item, depth + 1);
  return copy;
}

// a flag (mustChangePassword: true), a count or an empty value says nothing about the secret itself
function canHoldSecret(value: unknown): boolean {
  return (typeof value === "string" && value !== "") || (typeof value === "object" && value !== null);
}
