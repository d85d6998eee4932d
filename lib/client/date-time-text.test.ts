import { describe, expect, it } from "vitest";
import { readTypedMinute, showLocalMinute } from "@/lib/client/date-time-text";

describe("typed date-times", () => {
  it("reads the console's format and a date alone", () => {
    expect(readTypedMinute("2026-01-05 09:30")).toBe("2026-01-05T09:30");
    expect(readTypedMinute(" 2026-1-5 9:05 ")).toBe("2026-01-05T09:05");
    expect(readTypedMinute("2026-01-05")).toBe("2026-01-05T00:00");
    expect(readTypedMinute("2026-01-05", true)).toBe("2026-01-05T23:59");
    expect(readTypedMinute("")).toBe("");
  });

  it("refuses what is not a real date-time", () => {
    for (const bad of ["05/01/2026", "2026-02-31", "2026-01-05 24:00", "2026-01-05 9:5", "yesterday"]) expect(readTypedMinute(bad), bad).toBeNull();
  });

  it("shows the URL's value in the same format", () => {
    expect(showLocalMinute("2026-01-05T09:30")).toBe("2026-01-05 09:30");
    expect(readTypedMinute(showLocalMinute("2026-12-31T23:59"))).toBe("2026-12-31T23:59");
  });
});
