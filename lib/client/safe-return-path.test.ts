import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/client/safe-return-path";

describe("safeReturnPath", () => {
  it("keeps a path of this site with its query", () => {
    expect(safeReturnPath("/biz/2/processes?q=a&sort=-port")).toBe("/biz/2/processes?q=a&sort=-port");
  });

  it("refuses anything that could leave the site, or loop back to sign-in", () => {
    for (const next of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, "/sign-in?next=/"]) {
      expect(safeReturnPath(next)).toBe("/");
    }
  });
});
