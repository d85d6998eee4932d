import { describe, expect, it } from "vitest";
import { explainBadPortSpec } from "@/lib/processes/port-spec";

describe("explainBadPortSpec", () => {
  it.each(["", "80", "1", "65535", "8080-8089", "80,443,8000-8010", "1-65535", "8080-8080", "22,22"])("accepts %j", (spec) => {
    expect(explainBadPortSpec(spec)).toBeNull();
  });

  it.each([
    ["0", /0 is outside 1-65535/],
    ["65536", /65536 is outside 1-65535/],
    ["70000", /70000 is outside/],
    ["80,0", /0 is outside/],
    ["0-80", /0 is outside/],
    ["80-70000", /70000 is outside/],
    ["90-80", /range 90-80 runs backwards/],
    ["80-", /'80-' is not a port/],
    ["-80", /'-80' is not a port/],
    ["abc", /'abc' is not a port/],
    ["80,,90", /'' is not a port/],
    ["80,", /'' is not a port/],
    [",80", /'' is not a port/],
    ["80, 90", /' 90' is not a port/],
    [" 80", /' 80' is not a port/],
    ["80-90-100", /'80-90-100' is not a port/],
    ["123456", /'123456' is not a port/],
    ["1e3", /'1e3' is not a port/],
    ["80;443", /'80;443' is not a port/],
    ["８０", /is not a port/],
  ])("refuses %j and says why", (spec, reason) => {
    const problem = explainBadPortSpec(spec);
    expect(problem?.en).toMatch(reason);
    expect(problem?.zh).toBeTruthy();
  });

  it("names the first bad item of a list", () => {
    expect(explainBadPortSpec("80,443,x,99999")?.en).toMatch(/'x'/);
  });
});
