import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/client/safe-return-path";

describe("safeReturnPath", () => {
  it("keeps a path of this site with its query", () => {
    expect(safeReturnPath("/biz/2/processes?q=a&sort=-port")).toBe("/biz/2/processes?q=a&sort=-port");
    expect(safeReturnPath("/biz/2/tasks/GSETASK%3A20260101120000%3A7")).toBe("/biz/2/tasks/GSETASK%3A20260101120000%3A7");
  });

  it("refuses anything that could leave the site, or loop back to sign-in", () => {
    const attempts = [
      "https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, "/sign-in?next=/",
      "/\t/evil.example/", "/\n/evil.example/", "/\r/evil.example/", "/\t\\evil.example/", "/\r\n/evil.example", "\t//evil.example",
      "/%09/evil.example", "/./\\evil.example", "/\u0000/evil.example", "/ /evil.example".replace(" ", "\u000b"), "/sign-in", "/sign-in#x",
    ];
    for (const next of attempts) {
      const path = safeReturnPath(next);
      expect(new URL(path, "http://console.test").origin, JSON.stringify(next)).toBe("http://console.test");
      if (next !== "/%09/evil.example") expect(path, JSON.stringify(next)).toBe("/");
    }
  });
});
