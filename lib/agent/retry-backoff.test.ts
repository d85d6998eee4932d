import { describe, expect, it } from "vitest";
import { FIRST_RETRY_MS, MAX_RETRY_MS, RetryBackoff } from "./retry-backoff";

describe("RetryBackoff", () => {
  it("doubles its step up to the cap, each delay within the upper half of its step", () => {
    const lowest = new RetryBackoff(() => 0);
    const highest = new RetryBackoff(() => 0.999_999);
    const steps = Array.from({ length: 10 }, (_, i) => Math.min(FIRST_RETRY_MS * 2 ** i, MAX_RETRY_MS));
    steps.forEach((step) => {
      expect(lowest.nextDelayMs()).toBe(step / 2);
      expect(highest.nextDelayMs()).toBe(step);
    });
  });

  it("spreads agents that fail together", () => {
    const delays = Array.from({ length: 200 }, () => new RetryBackoff().nextDelayMs());
    expect(new Set(delays).size).toBeGreaterThan(100);
  });

  it("starts over after reset", () => {
    const backoff = new RetryBackoff(() => 0);
    backoff.nextDelayMs();
    backoff.nextDelayMs();
    backoff.reset();
    expect(backoff.nextDelayMs()).toBe(FIRST_RETRY_MS / 2);
  });
});
