import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/topology/parse-csv";

describe("parseCsv", () => {
  it("reads plain lines with their line numbers, skipping blank ones", () => {
    expect(parseCsv("a,b\n\n 1 , 2 \r\n3,\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["1", "2"] },
      { line: 4, fields: ["3", ""] },
    ]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    expect(parseCsv('name,note\n"x, y","say ""hi""\nthere"\nlast,1')).toEqual([
      { line: 1, fields: ["name", "note"] },
      { line: 2, fields: ["x, y", 'say "hi"\nthere'] },
      { line: 4, fields: ["last", "1"] },
    ]);
  });

  it("drops a leading byte order mark and reads a last line without a newline", () => {
    expect(parseCsv("\uFEFFbk_host_innerip\n10.0.0.1")).toEqual([
      { line: 1, fields: ["bk_host_innerip"] },
      { line: 2, fields: ["10.0.0.1"] },
    ]);
  });
});
