import { describe, expect, it } from "vitest";
import { formatBytes, formatCpu, formatUptime } from "@/lib/client/operations/format-figures";

describe("instance figures", () => {
  it("uptime keeps the two largest units", () => {
    expect(formatUptime("en", 45_000)).toBe("45 s");
    expect(formatUptime("en", 12 * 60_000 + 5_000)).toBe("12 min");
    expect(formatUptime("en", 5 * 3_600_000 + 3 * 60_000)).toBe("5 h 3 min");
    expect(formatUptime("zh", 3 * 86_400_000 + 4 * 3_600_000)).toBe("3 天 4 小时");
    expect(formatUptime("en", -5)).toBe("0 s");
  });

  it("memory in powers of 1024 and CPU as a percent of one core", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(12.3 * 1024 * 1024)).toBe("12.3 MB");
    expect(formatBytes(1536 * 1024 * 1024)).toBe("1.5 GB");
    expect(formatCpu(0.42)).toBe("0.4 %");
    expect(formatCpu(250.4)).toBe("250 %");
  });
});
