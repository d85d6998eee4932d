import { describe, expect, it } from "vitest";
import { showModuleName, showPlacementLabel, showPlacementLabels, showSetName } from "@/lib/client/topology/idle-pool-names";

describe("idle pool names", () => {
  it("show in the UI language; stored names stay in Chinese", () => {
    expect(showSetName("en", "空闲机池")).toBe("Idle pool");
    expect(showSetName("zh", "空闲机池")).toBe("空闲机池");
    expect(showPlacementLabel("en", "空闲机池 / 故障机")).toBe("Idle pool / Faulty hosts");
    expect(showPlacementLabel("en", "空闲机池 / 空闲机")).toBe("Idle pool / Idle hosts");
    expect(showPlacementLabels("en", ["空闲机池 / 故障机", "set-a / web"])).toBe("Idle pool / Faulty hosts, set-a / web");
    expect(showPlacementLabels("zh", ["空闲机池 / 故障机"])).toBe("空闲机池 / 故障机");
  });

  it("leave every other name alone, case included", () => {
    expect(showSetName("en", "Set-A")).toBe("Set-A");
    expect(showPlacementLabel("en", "set-a / 空闲机")).toBe("set-a / 空闲机");
    expect(showModuleName("en", "空闲机", false)).toBe("空闲机");
    expect(showModuleName("en", "空闲机", true)).toBe("Idle hosts");
  });
});
