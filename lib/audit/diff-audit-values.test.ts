import { describe, expect, it } from "vitest";
import { diffAuditValues, isSameJson, showAuditValue } from "@/lib/audit/diff-audit-values";

describe("diffAuditValues", () => {
  it("lists only the changed fields of an update", () => {
    const before = { start_cmd: "./start.sh", port: "80", timeout: 30, user: "www" };
    const after = { start_cmd: "./start.sh --fast", port: "80", timeout: 60, user: "www" };
    expect(diffAuditValues(before, after)).toEqual([
      { field: "start_cmd", before: "./start.sh", after: "./start.sh --fast", kind: "changed" },
      { field: "timeout", before: 30, after: 60, kind: "changed" },
    ]);
  });

  it("marks fields that appear or disappear in an update", () => {
    expect(diffAuditValues({ a: 1, gone: "x" }, { a: 1, fresh: true })).toEqual([
      { field: "fresh", before: undefined, after: true, kind: "added" },
      { field: "gone", before: "x", after: undefined, kind: "removed" },
    ]);
  });

  it("treats null and a missing field as different, and \"\" and null as different", () => {
    expect(diffAuditValues({ a: null, b: "" }, { b: null })).toEqual([
      { field: "b", before: "", after: null, kind: "changed" },
      { field: "a", before: null, after: undefined, kind: "removed" },
    ]);
  });

  it("lists every field of a create and of a delete", () => {
    const record = { bk_process_name: "nginx", port: "80", auto_start: null };
    expect(diffAuditValues(null, record)).toEqual([
      { field: "bk_process_name", before: undefined, after: "nginx", kind: "added" },
      { field: "port", before: undefined, after: "80", kind: "added" },
      { field: "auto_start", before: undefined, after: null, kind: "added" },
    ]);
    expect(diffAuditValues(record, null).map((change) => [change.field, change.kind])).toEqual([
      ["bk_process_name", "removed"],
      ["port", "removed"],
      ["auto_start", "removed"],
    ]);
  });

  it("compares nested JSON by value, not by key order", () => {
    const before = { spec: { user: "root", ports: [80, 443] }, meta: { a: 1, b: 2 } };
    const after = { spec: { ports: [80, 443], user: "root" }, meta: { b: 2, a: 3 } };
    expect(diffAuditValues(before, after)).toEqual([{ field: "meta", before: { a: 1, b: 2 }, after: { b: 2, a: 3 }, kind: "changed" }]);
  });

  it("has nothing to show for an entry without values", () => {
    expect(diffAuditValues(null, null)).toEqual([]);
    expect(diffAuditValues({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

describe("isSameJson", () => {
  it("compares arrays by order and length", () => {
    expect(isSameJson([1, 2], [1, 2])).toBe(true);
    expect(isSameJson([1, 2], [2, 1])).toBe(false);
    expect(isSameJson([1], [1, 1])).toBe(false);
    expect(isSameJson([], {})).toBe(false);
    expect(isSameJson({ a: undefined }, { b: undefined })).toBe(false);
  });
});

describe("showAuditValue", () => {
  it("shows scalars inline and marks empty values", () => {
    expect(showAuditValue(undefined)).toEqual({ kind: "absent" });
    expect(showAuditValue(null)).toEqual({ kind: "empty", text: "null" });
    expect(showAuditValue("")).toEqual({ kind: "empty", text: '""' });
    expect(showAuditValue("./start.sh")).toEqual({ kind: "inline", text: "./start.sh" });
    expect(showAuditValue(false)).toEqual({ kind: "inline", text: "false" });
    expect(showAuditValue([])).toEqual({ kind: "inline", text: "[]" });
  });

  it("pretty-prints nested JSON over several lines", () => {
    expect(showAuditValue({ via: "token", hosts: ["a"] })).toEqual({ kind: "block", text: '{\n  "via": "token",\n  "hosts": [\n    "a"\n  ]\n}' });
  });
});
