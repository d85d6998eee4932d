import { describe, expect, it } from "vitest";
import { compareVersions, seaArtefactName } from "./agent-artifacts";

describe("compareVersions", () => {
  it("compares dotted numbers numerically, a pre-release before its release", () => {
    expect(compareVersions("0.10.0", "0.9.1")).toBe(1);
    expect(compareVersions("0.0.1", "0.1.0")).toBe(-1);
    expect(compareVersions("1.2", "1.2.0")).toBe(0);
    expect(compareVersions("1.0.0-rc.1", "1.0.0")).toBe(-1);
    expect(compareVersions("1.0.0", "1.0.0-rc.1")).toBe(1);
  });
});

it("names the single executable by platform", () => {
  expect(seaArtefactName("linux-x64")).toBe("procdeck-agent-linux-x64");
});
