import { describe, expect, it } from "vitest";
import { formatAgo, formatDuration } from "@/lib/client/operations/format";

describe("operation formats", () => {
  it("formats durations by size", () => {
    expect(formatDuration("en", 850)).toBe("850 ms");
    expect(formatDuration("en", 5_240)).toBe("5.2 s");
    expect(formatDuration("en", 12_340)).toBe("12 s");
    expect(formatDuration("en", 184_000)).toBe("3 min 4 s");
    expect(formatDuration("zh", 5_240)).toBe("5.2 秒");
    expect(formatDuration("zh", 184_000)).toBe("3 分 4 秒");
  });

  it("says how long ago in the largest whole unit", () => {
    const now = Date.parse("2025-01-01T12:00:00Z");
    expect(formatAgo("en", "2025-01-01T11:59:48Z", now)).toBe("12 seconds ago");
    expect(formatAgo("en", "2025-01-01T11:57:00Z", now)).toBe("3 minutes ago");
    expect(formatAgo("zh", "2025-01-01T09:00:00Z", now)).toBe("3小时前");
  });
});
