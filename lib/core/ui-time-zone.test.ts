import { describe, expect, it } from "vitest";
import { isTimeZone } from "@/lib/core/ui-time-zone";

describe("isTimeZone", () => {
  it("takes IANA zone names the runtime knows", () => {
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Asia/Shanghai")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
  });

  it("refuses anything else a cookie could carry", () => {
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("Asia/Shanghai; Path=/")).toBe(false);
    expect(isTimeZone(`Europe/${"x".repeat(80)}`)).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
  });
});
