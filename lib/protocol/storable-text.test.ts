import { describe, expect, it } from "vitest";
import { toStorableText } from "./storable-text";

describe("toStorableText", () => {
  it("drops NUL and replaces lone surrogates, keeping whole characters", () => {
    const emoji = "🙂";
    expect(toStorableText("a\u0000b")).toBe("ab");
    expect(toStorableText(`${emoji.slice(1)}tail`)).toBe("\uFFFDtail");
    expect(toStorableText(`head${emoji.slice(0, 1)}`)).toBe("head\uFFFD");
    expect(toStorableText(`ok ${emoji} 中文`)).toBe(`ok ${emoji} 中文`);
  });

  it("gives text PostgreSQL's jsonb accepts once serialised", () => {
    expect(JSON.stringify(toStorableText("\u0000\uDC00"))).toBe('"\uFFFD"');
  });
});
