import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/core/errors";
import { assertStorableJson, assertStorableStrings, isStorableText, toStorableJson } from "@/lib/api/clean-text";

describe("storable text", () => {
  it("accepts ordinary text, emoji (paired surrogates) and Chinese", () => {
    for (const value of ["nginx", "空闲机", "🚀 launch", "tab\tand\nnewline"]) expect(isStorableText(value), value).toBe(true);
  });

  it("refuses NUL and lone surrogates, naming where they were", () => {
    for (const value of ["a\u0000b", "\ud800", "x\udc00", "\udc00\ud800"]) expect(isStorableText(value), JSON.stringify(value)).toBe(false);
    expect(() => assertStorableJson({ spec: { identity: { proc_name: "\ud800" } } }, "body")).toThrow(/body\.spec\.identity\.proc_name/);
    expect(() => assertStorableJson({ list: ["ok", "a\u0000"] }, "body")).toThrow(/body\.list\.1/);
    expect(() => assertStorableJson({ ["k\u0000"]: 1 }, "body")).toThrow(ApiError);
    expect(() => assertStorableStrings([["q", "a\u0000"]], "query")).toThrow(/query\.q/);
    expect(() => assertStorableJson({ fine: [1, true, null, "x"] }, "body")).not.toThrow();
  });

  it("makes agent reports storable instead of refusing them", () => {
    expect(toStorableJson({ results: [{ outputTail: "\uDE42out\u0000put 🙂" }], ok: 1 })).toEqual({ results: [{ outputTail: "\uFFFDoutput 🙂" }], ok: 1 });
  });
});
