// Every console page must check the session itself (layouts are not re-run on client navigation).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function findPages(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return findPages(full);
    return entry === "page.tsx" ? [full] : [];
  });
}

describe("console pages", () => {
  const pages = findPages(path.resolve(import.meta.dirname, "../../app/(console)"));

  it("exist", () => {
    expect(pages.length).toBeGreaterThan(3);
  });

  it.each(pages.map((page) => [path.relative(process.cwd(), page)]))("%s calls requirePageSession", (page) => {
    expect(readFileSync(page, "utf8")).toMatch(/await requirePageSession\(/);
  });
});
