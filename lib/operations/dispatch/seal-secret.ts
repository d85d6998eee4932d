// A secret Procdeck must send to another system (a GSE gateway's bk_app_secret) cannot be hashed
// like the secrets it only compares. With PROCDECK_SECRET_KEY set it is stored sealed (AES-256-GCM,
// the key's SHA-256 as key, a fresh IV per seal): a leaked table or backup does not leak it, and a
// changed key makes it unreadable instead of wrong. Unset, it is stored as given ("plain."), and the
// admin API says so (isSealed false): the database is then as sensitive as the secret.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const SEALED = "gcm1.";
const PLAIN = "plain.";

function keyOf(raw: string): Buffer {
  return createHash("sha256").update(raw, "utf8").digest();
}

export function sealSecret(secret: string, rawKey: string | null): string {
  if (!rawKey) return PLAIN + secret;
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyOf(rawKey), iv);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return SEALED + [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".");
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(SEALED);
}

/** The secret back; throws (naming no part of it) when the key is missing or not the one it was sealed with. */
export function openSecret(stored: string, rawKey: string | null): string {
  if (stored.startsWith(PLAIN)) return stored.slice(PLAIN.length);
  if (!isSealed(stored)) throw new Error("the stored secret is in an unknown format");
  if (!rawKey) throw new Error("the stored secret is sealed but PROCDECK_SECRET_KEY is not set");
  const [iv, tag, sealed] = stored.slice(SEALED.length).split(".").map((part) => Buffer.from(part, "base64url"));
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(rawKey), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
  } catch {
    throw new Error("the stored secret cannot be opened with this PROCDECK_SECRET_KEY (was the key changed?)");
  }
}
