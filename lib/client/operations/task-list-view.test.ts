import { describe, expect, it } from "vitest";
import { DEFAULT_TASK_VIEW, hasTaskFilters, readTaskListView, taskHref, taskListHref, toTaskQuery, writeTaskListView } from "@/lib/client/operations/task-list-view";

describe("task history view in the URL", () => {
  it("leaves defaults out and reads them back", () => {
    expect(writeTaskListView(DEFAULT_TASK_VIEW).toString()).toBe("");
    expect(readTaskListView(new URLSearchParams())).toEqual(DEFAULT_TASK_VIEW);
    expect(hasTaskFilters(DEFAULT_TASK_VIEW)).toBe(false);
  });

  it("round-trips every filter", () => {
    const view = { process: 12, ip: "127.0.0.11", op: 0, state: "failed" as const, user: "admin", page: 2, size: 50 };
    expect(readTaskListView(writeTaskListView(view))).toEqual(view);
    expect(hasTaskFilters(view)).toBe(true);
  });

  it("keeps op 0 (start) apart from no operation", () => {
    expect(readTaskListView(new URLSearchParams("op=0")).op).toBe(0);
    expect(readTaskListView(new URLSearchParams("op=")).op).toBeNull();
    expect(toTaskQuery({ ...DEFAULT_TASK_VIEW, op: 0 }).get("opType")).toBe("0");
    expect(toTaskQuery(DEFAULT_TASK_VIEW).has("opType")).toBe(false);
  });

  it("forgives bad values in a hand-edited link", () => {
    expect(readTaskListView(new URLSearchParams("process=-3&op=5&state=lost&page=0&size=7"))).toEqual(DEFAULT_TASK_VIEW);
  });

  it("sends the API only the filters that are set", () => {
    expect(toTaskQuery({ ...DEFAULT_TASK_VIEW, process: 7, ip: "127.0.0.21" }).toString()).toBe("page=1&pageSize=25&processId=7&ip=127.0.0.21");
  });

  it("encodes task ids in links", () => {
    expect(taskHref(2, "GSETASK:20250101120000:7")).toBe("/biz/2/tasks/GSETASK%3A20250101120000%3A7");
    expect(taskListHref(2, { ip: "127.0.0.11" })).toBe("/biz/2/tasks?ip=127.0.0.11");
    expect(taskListHref(2)).toBe("/biz/2/tasks");
  });
});
