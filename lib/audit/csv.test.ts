import { describe, expect, it } from "vitest";
import { toCsvCell, toCsvLine } from "@/lib/audit/csv";

describe("toCsvCell", () => {
  it("leaves plain text and numbers as they are", () => {
    expect(toCsvCell("nginx")).toBe("nginx");
    expect(toCsvCell(42)).toBe("42");
    expect(toCsvCell(null)).toBe("");
    expect(toCsvCell("进程")).toBe("进程");
  });

  it("quotes commas, quotes, line breaks and edge spaces, doubling quotes", () => {
    expect(toCsvCell("a,b")).toBe('"a,b"');
    expect(toCsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(toCsvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(toCsvCell(" padded")).toBe('" padded"');
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    expect(toCsvCell("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(toCsvCell("+1+2")).toBe("'+1+2");
    expect(toCsvCell("-2+3")).toBe("'-2+3");
    expect(toCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(toCsvCell("\tcmd")).toBe("'\tcmd");
    expect(toCsvCell("a=b")).toBe("a=b");
  });

  it("keeps numbers numbers (a negative number is data, not a formula)", () => {
    expect(toCsvCell(-1)).toBe("-1");
  });
});

describe("toCsvLine", () => {
  it("joins cells with commas and ends with CRLF", () => {
    expect(toCsvLine(["a", 1, null, "x,y"])).toBe('a,1,,"x,y"\r\n');
  });
});
