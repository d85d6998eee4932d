// The matrix cannot forget a route: every method a route file under app/api exports (other than the
// 405-only ones of defineCmdbRoute / defineEsbRoute) has exactly one case in cases/*.ts, every case
// names a route method that exists, and each case's surface and needs make sense together.
import { describe, expect, it } from "vitest";
import { listRouteMethods, loadRouteCases } from "./coverage-support";
import type { TNeeds, TSurface } from "./route-case";

const cases = await loadRouteCases();
const routeMethods = listRouteMethods();
const key = (entry: { route: string; method: string }) => `${entry.method} ${entry.route}`;

/** Which `needs` each surface can express: business roles belong to users (console) or apps (CMDB, ESB). */
const NEEDS_BY_SURFACE: Record<TSurface, readonly TNeeds[]> = {
  console: ["public", "signed-in", "view", "operate", "edit", "global-admin"],
  cmdb: ["public", "view", "operate", "edit"],
  esb: ["public", "view", "operate", "edit"],
  agent: ["public", "agent"],
  public: ["public"],
};

describe("permission matrix coverage", () => {
  it("finds the route files", () => {
    expect(routeMethods.length).toBeGreaterThan(20);
    expect(routeMethods).toContainEqual({ route: "/api/[version]/proc/[account]/[bizId]/[processId]", method: "DELETE" });
    // the 405-only methods of the CMDB / ESB builders need no case
    expect(routeMethods).not.toContainEqual({ route: "/api/[version]/proc/[account]/[bizId]/[processId]", method: "POST" });
    expect(routeMethods).toContainEqual({ route: "/api/c/compapi/v2/gse/get_proc_operate_result_v2", method: "GET" });
    expect(routeMethods).not.toContainEqual({ route: "/api/c/compapi/v2/gse/operate_proc_v2", method: "GET" });
  });

  it("every (route, method) has a case", () => {
    const covered = new Set(cases.map(key));
    const missing = routeMethods.map(key).filter((entry) => !covered.has(entry));
    expect(missing, `route methods without a case in e2e/api/permissions/cases/*.ts:\n${missing.join("\n")}`).toEqual([]);
  });

  it("every case names a route method that exists", () => {
    const existing = new Set(routeMethods.map(key));
    const stale = cases.filter((routeCase) => !existing.has(key(routeCase))).map((routeCase) => `${key(routeCase)} (cases/${routeCase.file})`);
    expect(stale, `cases for routes or methods that do not exist:\n${stale.join("\n")}`).toEqual([]);
  });

  it("one case per (route, method)", () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const routeCase of cases) {
      const previous = seen.get(key(routeCase));
      if (previous) duplicates.push(`${key(routeCase)} (cases/${previous} and cases/${routeCase.file})`);
      seen.set(key(routeCase), routeCase.file);
    }
    expect(duplicates).toEqual([]);
  });

  it("each case's needs fit its surface", () => {
    const misfits = cases.filter((routeCase) => !NEEDS_BY_SURFACE[routeCase.surface]?.includes(routeCase.needs)).map((routeCase) => `${key(routeCase)}: ${routeCase.needs} on ${routeCase.surface}`);
    expect(misfits).toEqual([]);
  });
});
