import { describe, expect, it } from "vitest";
import { readClientOrigin } from "@/lib/access/client-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("readClientOrigin", () => {
  it("ignores x-forwarded-for unless the proxy is trusted: the socket's address counts", () => {
    expect(readClientOrigin(headers({ "x-forwarded-for": "203.0.113.9" }), false)).toEqual({ clientIp: "", userAgent: "" });
    expect(readClientOrigin(headers({ "x-forwarded-for": "203.0.113.9", "x-procdeck-client-ip": "198.51.100.7" }), false).clientIp).toBe("198.51.100.7");
    expect(readClientOrigin(headers({ "x-procdeck-client-ip": "not-an-ip" }), false).clientIp).toBe("");
  });

  it("takes the first hop behind a trusted proxy", () => {
    expect(readClientOrigin(headers({ "x-forwarded-for": " 203.0.113.9 , 10.0.0.1", "user-agent": "curl/8" }), true)).toEqual({ clientIp: "203.0.113.9", userAgent: "curl/8" });
    expect(readClientOrigin(headers({ "x-forwarded-for": "2001:db8::1" }), true).clientIp).toBe("2001:db8::1");
  });

  it("treats a first hop that is not an IP address as unknown", () => {
    expect(readClientOrigin(headers({ "x-forwarded-for": "evil.example, 10.0.0.1" }), true).clientIp).toBe("");
    expect(readClientOrigin(headers({}), true).clientIp).toBe("");
    expect(readClientOrigin(headers({ "x-procdeck-client-ip": "198.51.100.7" }), true).clientIp).toBe("198.51.100.7");
  });

  it("keeps at most 300 characters of the user agent", () => {
    expect(readClientOrigin(headers({ "user-agent": "x".repeat(1000) }), false).userAgent).toHaveLength(300);
  });
});
