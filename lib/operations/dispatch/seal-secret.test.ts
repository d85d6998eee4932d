import { describe, expect, it } from "vitest";
import { isSealed, openSecret, sealSecret } from "@/lib/operations/dispatch/seal-secret";

const KEY = "k".repeat(40);

describe("sealSecret", () => {
  it("seals with the key so the stored text does not contain the secret, and opens it again", () => {
    const stored = sealSecret("app-secret-1234", KEY);
    expect(isSealed(stored)).toBe(true);
    expect(stored).not.toContain("app-secret-1234");
    expect(openSecret(stored, KEY)).toBe("app-secret-1234");
    // a fresh IV each time
    expect(sealSecret("app-secret-1234", KEY)).not.toBe(stored);
  });

  it("refuses to open with another key or none, without naming the secret", () => {
    const stored = sealSecret("app-secret-1234", KEY);
    expect(() => openSecret(stored, "x".repeat(40))).toThrow(/cannot be opened/);
    expect(() => openSecret(stored, null)).toThrow(/PROCDECK_SECRET_KEY is not set/);
  });

  it("stores the secret as given without a key, and says it is not sealed", () => {
    const stored = sealSecret("app-secret-1234", null);
    expect(isSealed(stored)).toBe(false);
    expect(openSecret(stored, null)).toBe("app-secret-1234");
  });
});
