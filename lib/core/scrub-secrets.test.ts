import { describe, expect, it } from "vitest";
import { REDACTED, scrubSecrets, scrubSecretsInText } from "@/lib/core/scrub-secrets";

describe("scrubSecrets", () => {
  it("replaces the values of secret-looking keys, at any depth and in arrays", () => {
    const scrubbed = scrubSecrets({
      bk_process_name: "nginx",
      password: "hunter2",
      bk_app_secret: "s3cr3t",
      nested: { passwordHash: "scrypt$abc", agentToken: "12.xyz", list: [{ Authorization: "Bearer abc" }, { keep: 1 }] },
      tokenHash: "deadbeef",
    });
    expect(scrubbed).toEqual({
      bk_process_name: "nginx",
      password: REDACTED,
      bk_app_secret: REDACTED,
      nested: { passwordHash: REDACTED, agentToken: REDACTED, list: [{ Authorization: REDACTED }, { keep: 1 }] },
      tokenHash: REDACTED,
    });
  });

  it("leaves ordinary records alone and does not touch the input", () => {
    const record = { bk_process_id: 7, start_cmd: "./start.sh", port: "80", auto_start: null, timeout: 30 };
    const input = { ...record, secret: "x" };
    expect(scrubSecrets(record)).toEqual(record);
    scrubSecrets(input);
    expect(input.secret).toBe("x");
  });

  it("keeps flags, counts, timestamps and empty values under secret-looking names (nothing to hide there)", () => {
    const facts = { password: null, token: "", mustChangePassword: true, tokenCount: 2, passwordChangedAt: "2026-01-01T00:00:00.000Z", secret_rotated_at: null };
    expect(scrubSecrets(facts)).toEqual(facts);
  });

  it("hides a whole object or list under a secret-looking name", () => {
    expect(scrubSecrets({ tokens: ["a", "b"], secret: { value: "x" } })).toEqual({ tokens: REDACTED, secret: REDACTED });
  });

  it("passes scalars and null through", () => {
    expect(scrubSecrets(null)).toBeNull();
    expect(scrubSecrets("password")).toBe("password");
    expect(scrubSecrets(3)).toBe(3);
  });
});

describe("scrubSecretsInText", () => {
  it("hides assignments and JSON fields with secret-looking names", () => {
    const text = `Invalid prisma.user.create() invocation: { data: { username: "bob", passwordHash: "scrypt$16384$abc" } } {"bk_app_code":"app","bk_app_secret":"s3cr3t-value"} token=abc123 secret: 'xyz'`;
    const scrubbed = scrubSecretsInText(text);
    expect(scrubbed).not.toMatch(/scrypt\$16384|s3cr3t-value|abc123|'xyz'/);
    expect(scrubbed).toContain(`username: "bob"`);
    expect(scrubbed).toContain(`"bk_app_code":"app"`);
  });

  it("hides bearer credentials", () => {
    expect(scrubSecretsInText("Authorization header Bearer 12.abcDEF_-x was refused")).not.toContain("12.abcDEF");
  });

  it("leaves ordinary text alone", () => {
    const text = "TypeError: cannot read properties of undefined (reading 'id')\n    at handler (route.ts:3:1)";
    expect(scrubSecretsInText(text)).toBe(text);
  });
});
