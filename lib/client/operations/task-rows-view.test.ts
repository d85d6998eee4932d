import { describe, expect, it } from "vitest";
import { countRowStates, ipsToCopy, readTaskRowsView, selectTaskRows, writeTaskRowsView } from "./task-rows-view";

const row = (id: string, name: string, ip: string, code: number, durationMs: number | null) => ({ id, processName: name, ip, code, durationMs });
const ROWS = [row("1", "b", "10.0.0.1", 0, 300), row("2", "a", "10.0.0.2", 117, 5), row("3", "b", "10.0.1.3", 115, null), row("4", "b", "10.0.0.4", 0, 900), row("5", "a", "10.0.0.1", 0, 40)];
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("task rows view", () => {
  it("counts rows per state", () => {
    expect(countRowStates(ROWS)).toEqual({ all: 5, running: 1, succeeded: 3, failed: 1 });
  });

  it("groups by process in first-seen order, rows in row order", () => {
    expect(ids(selectTaskRows(ROWS, { state: "all", ip: "", sort: "row", page: 1 }))).toEqual(["1", "3", "4", "2", "5"]);
  });

  it("sorts by duration within a group, rows still running last either way", () => {
    expect(ids(selectTaskRows(ROWS, { state: "all", ip: "", sort: "duration-desc", page: 1 }))).toEqual(["4", "1", "3", "5", "2"]);
    expect(ids(selectTaskRows(ROWS, { state: "all", ip: "", sort: "duration-asc", page: 1 }))).toEqual(["1", "4", "3", "2", "5"]);
  });

  it("filters by state and by part of the IP", () => {
    expect(ids(selectTaskRows(ROWS, { state: "failed", ip: "", sort: "row", page: 1 }))).toEqual(["2"]);
    expect(ids(selectTaskRows(ROWS, { state: "all", ip: "10.0.0.1", sort: "row", page: 1 }))).toEqual(["1", "5"]);
  });

  it("copies each IP once", () => {
    expect(ipsToCopy(ROWS)).toBe("10.0.0.1\n10.0.0.2\n10.0.1.3\n10.0.0.4");
  });

  it("keeps the view in the URL with defaults left out, forgiving bad values", () => {
    expect(writeTaskRowsView({ state: "failed", ip: "10.0", sort: "duration-desc", page: 2 }).toString()).toBe("rows=failed&ip=10.0&sort=duration-desc&page=2");
    expect(writeTaskRowsView(readTaskRowsView(new URLSearchParams("rows=nope&sort=x&page=-1"))).toString()).toBe("");
  });
});
