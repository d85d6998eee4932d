import { describe, expect, it } from "vitest";
import { missingForOperation } from "@/lib/operations/catalogue-spec";

const full = { work_path: "/srv", pid_file: "/srv/x.pid", start_cmd: "./start", stop_cmd: "./stop", restart_cmd: "", reload_cmd: "", face_stop_cmd: "" };

describe("what an operation needs from the catalogue", () => {
  it("names the missing command of each operation", () => {
    expect(missingForOperation(full, 0)).toEqual([]);
    expect(missingForOperation(full, 8)).toEqual(["reload_cmd"]);
    expect(missingForOperation(full, 9)).toEqual(["face_stop_cmd"]);
    expect(missingForOperation({ ...full, stop_cmd: "" }, 1)).toEqual(["stop_cmd"]);
  });

  it("lets restart fall back to stop then start", () => {
    expect(missingForOperation(full, 7)).toEqual([]);
    expect(missingForOperation({ ...full, start_cmd: "" }, 7)).toEqual(["restart_cmd (or both stop_cmd and start_cmd)"]);
  });

  it("always needs the work path and pid file", () => {
    expect(missingForOperation({ ...full, work_path: "", pid_file: "" }, 2)).toEqual(["work_path", "pid_file"]);
  });
});
