import { describe, expect, it } from "vitest";
import { describeUserAgent } from "@/lib/client/admin/describe-user-agent";

describe("describeUserAgent", () => {
  it("names the browser, its major version and the system", () => {
    expect(describeUserAgent("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36")).toBe("Chrome 126 · Linux");
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0")).toBe("Edge 120 · Windows");
    expect(describeUserAgent("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15")).toBe("Safari 17 · macOS");
    expect(describeUserAgent("curl/8.5.0")).toBe("curl 8");
  });

  it("falls back to the first word, and to nothing for no user agent", () => {
    expect(describeUserAgent("python-requests/2.31")).toBe("python-requests");
    expect(describeUserAgent("")).toBe("");
  });
});
