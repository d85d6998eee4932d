import { describe, expect, it } from "vitest";
import { bindIpIdsByLabel, compareByListOrder, firstPortNumber, listOrderSql } from "@/lib/processes/console-list-order";
import { ATTRIBUTES_BY_ID } from "@/lib/processes/attribute-metadata";

/** the label the list shows for a bind IP id (format-attribute.ts reads the same options) */
const labelOf = (id: string, lang: "en" | "zh") => ATTRIBUTES_BY_ID.get("bind_ip")?.options?.find((option) => option.id === id)?.name[lang] ?? id;

describe("port order", () => {
  it("reads the first port of a spec as a number", () => {
    expect(firstPortNumber("80")).toBe(80);
    expect(firstPortNumber("80,443")).toBe(80);
    expect(firstPortNumber("8000-8010")).toBe(8000);
    expect(firstPortNumber("")).toBeNull();
    expect(firstPortNumber(null)).toBeNull();
  });

  it("sorts by that number, not as text, unset last", () => {
    const specs = ["8000-8010", "", "443", "1000", "80,443", "9", "80"];
    expect([...specs].sort((a, b) => compareByListOrder("port", "en", a, b))).toEqual(["9", "80", "80,443", "443", "1000", "8000-8010", ""]);
  });
});

describe("bind IP order", () => {
  it("follows the labels the list shows, in both languages", () => {
    for (const lang of ["en", "zh"] as const) {
      const labels = bindIpIdsByLabel(lang).map((id) => labelOf(id, lang));
      expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, lang === "zh" ? "zh-CN" : "en")));
    }
    expect(bindIpIdsByLabel("en").map((id) => labelOf(id, "en"))).toEqual(["0.0.0.0", "127.0.0.1", "1st inner IP", "1st outer IP"]);
  });

  it("sorts rows by label, unset last", () => {
    const ids = ["3", null, "1", "4", "2"];
    expect([...ids].sort((a, b) => compareByListOrder("bind_ip", "en", a, b))).toEqual(["2", "1", "3", "4", null]);
  });

  it("the SQL ranks ids in the same order", () => {
    expect(listOrderSql("en").bind_ip("ASC")).toBe("array_position(ARRAY['2', '1', '3', '4']::text[], p.bind_ip) ASC NULLS LAST");
    expect(listOrderSql("en").port("DESC")).toContain("DESC NULLS LAST");
  });
});
