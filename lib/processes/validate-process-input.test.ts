import { describe, expect, it } from "vitest";
import { formatProblems, validateProcessInput, type TValidationResult } from "@/lib/processes/validate-process-input";

const base = { bk_process_name: "nginx", bk_func_name: "nginx" };

function problemsOf(result: TValidationResult) {
  if (result.isValid) throw new Error("expected problems, got a valid result");
  return Object.fromEntries(result.problems.map((problem) => [problem.field, problem.reason.en]));
}

function valuesOf(result: TValidationResult) {
  if (!result.isValid) throw new Error(`expected valid input, got ${formatProblems(result.problems).en}`);
  return result.values;
}

describe("validateProcessInput on create", () => {
  it("accepts the document's example, turning the numeric port into a string", () => {
    const values = valuesOf(validateProcessInput({ ...base, port: 80, bind_ip: "1", protocol: "1", work_path: "/data/cc/running", user: "cc" }, "create"));
    expect(values).toEqual({ ...base, port: "80", bind_ip: "1", protocol: "1", work_path: "/data/cc/running", user: "cc" });
  });

  it("requires bk_process_name and bk_func_name", () => {
    expect(problemsOf(validateProcessInput({}, "create"))).toEqual({ bk_process_name: "is required", bk_func_name: "is required" });
    expect(problemsOf(validateProcessInput({ bk_process_name: "x" }, "create"))).toEqual({ bk_func_name: "is required" });
  });

  it("refuses empty, blank or null required attributes", () => {
    for (const value of ["", "  ", null]) {
      expect(problemsOf(validateProcessInput({ ...base, bk_process_name: value }, "create")).bk_process_name).toMatch(/may not be empty/);
    }
  });

  it("reports every bad field, each with its reason", () => {
    const problems = problemsOf(validateProcessInput({ ...base, timeout: "abc", auto_start: "yes", bind_ip: 1, protocol: "3", port: "90-80", colour: "red" }, "create"));
    expect(problems).toEqual({
      timeout: 'must be an integer, got "abc"',
      auto_start: 'must be true or false, got "yes"',
      bind_ip: 'must be one of "1", "2", "3", "4" (a string), got 1',
      protocol: 'must be one of "1", "2" (a string), got "3"',
      port: "range 90-80 runs backwards",
      colour: "unknown attribute",
    });
  });

  it("keeps ints within 1-10000", () => {
    expect(problemsOf(validateProcessInput({ ...base, timeout: 0 }, "create")).timeout).toMatch(/between 1 and 10000, got 0/);
    expect(problemsOf(validateProcessInput({ ...base, proc_num: 10001 }, "create")).proc_num).toMatch(/between 1 and 10000/);
    expect(problemsOf(validateProcessInput({ ...base, priority: 2.5 }, "create")).priority).toMatch(/must be an integer/);
    expect(valuesOf(validateProcessInput({ ...base, timeout: 1, proc_num: 10000 }, "create"))).toMatchObject({ timeout: 1, proc_num: 10000 });
  });

  it("limits single-line strings to 256 characters and commands and paths to 2000", () => {
    expect(valuesOf(validateProcessInput({ ...base, bk_process_name: "n".repeat(256), start_cmd: "c".repeat(2000), work_path: "p".repeat(2000) }, "create"))).toBeTruthy();
    const problems = problemsOf(validateProcessInput({ ...base, bk_process_name: "n".repeat(257), start_cmd: "c".repeat(2001), pid_file: "p".repeat(2001) }, "create"));
    expect(problems).toEqual({ bk_process_name: "is longer than 256 characters", start_cmd: "is longer than 2000 characters", pid_file: "is longer than 2000 characters" });
  });

  it("refuses a port that is neither a string nor an integer", () => {
    for (const port of [true, [80], { p: 80 }, 80.5]) {
      expect(problemsOf(validateProcessInput({ ...base, port }, "create")).port).toMatch(/must be a string/);
    }
  });

  it("accepts booleans only as true or false", () => {
    expect(valuesOf(validateProcessInput({ ...base, auto_start: false }, "create")).auto_start).toBe(false);
    for (const value of [1, "true", "yes"]) {
      expect(problemsOf(validateProcessInput({ ...base, auto_start: value }, "create")).auto_start).toMatch(/true or false/);
    }
  });

  it("ignores bk_biz_id, which the path decides", () => {
    expect(valuesOf(validateProcessInput({ ...base, bk_biz_id: 2 }, "create"))).toEqual(base);
  });

  it("stores a null optional text as empty and keeps a null number as null", () => {
    expect(valuesOf(validateProcessInput({ ...base, description: null, timeout: null, bind_ip: null }, "create"))).toEqual({ ...base, description: "", timeout: null, bind_ip: null });
  });
});

describe("validateProcessInput on update and batch", () => {
  it("does not require anything on update", () => {
    expect(valuesOf(validateProcessInput({ port: "8080" }, "update"))).toEqual({ port: "8080" });
    expect(valuesOf(validateProcessInput({}, "update"))).toEqual({});
  });

  it("still refuses clearing a required attribute on update", () => {
    expect(problemsOf(validateProcessInput({ bk_func_name: null }, "update")).bk_func_name).toMatch(/may not be empty/);
  });

  it("refuses bk_process_name and bk_func_id in a batch, and allows the rest", () => {
    expect(problemsOf(validateProcessInput({ bk_process_name: "x", bk_func_id: "1", port: "80" }, "batch"))).toEqual({
      bk_process_name: "cannot be set by a batch update",
      bk_func_id: "cannot be set by a batch update",
    });
    expect(valuesOf(validateProcessInput({ start_cmd: "./start.sh 8080", port: "1000" }, "batch"))).toEqual({ start_cmd: "./start.sh 8080", port: "1000" });
  });
});

describe("formatProblems", () => {
  it("joins field and reason in both languages", () => {
    const message = formatProblems([
      { field: "port", reason: { en: "is bad", zh: "不对" } },
      { field: "timeout", reason: { en: "is too big", zh: "太大" } },
    ]);
    expect(message).toEqual({ en: "port is bad; timeout is too big", zh: "port 不对；timeout 太大" });
  });
});
