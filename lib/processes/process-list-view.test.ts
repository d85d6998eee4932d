import { describe, expect, it } from "vitest";
import { ZProcessListQuery } from "@/lib/processes/process-list-query";
import { DEFAULT_VIEW, readProcessListView, readSortState, toggleSort, writeProcessListView, toListQuery } from "@/lib/processes/process-list-view";

describe("process list view in the URL", () => {
  it("leaves defaults out of the URL and reads them back", () => {
    expect(writeProcessListView(DEFAULT_VIEW).toString()).toBe("");
    expect(readProcessListView(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it("round-trips a full view", () => {
    const view = { q: "ngi", module: "gateway", state: "partial" as const, sort: "-port", page: 3, size: 100, cols: ["bk_process_name", "port", "modules"] };
    expect(readProcessListView(writeProcessListView(view))).toEqual(view);
  });

  it("forgives bad values in a hand-edited link", () => {
    const view = readProcessListView(new URLSearchParams("sort=drop%20table&page=-2&size=7&cols=port,nope&state=sleepy"));
    expect(view).toMatchObject({ state: "", sort: "bk_process_id", page: 1, size: 50, cols: ["bk_process_name", "port"] });
  });

  it("is accepted by the API's strict schema", () => {
    const view = { ...DEFAULT_VIEW, q: "x", sort: "-bk_func_name" };
    const parsed = ZProcessListQuery.parse(Object.fromEntries(toListQuery(view)));
    expect(parsed).toEqual(view);
    expect(ZProcessListQuery.safeParse({ sort: "password" }).success).toBe(false);
    expect(ZProcessListQuery.safeParse({ cols: "modules,evil" }).success).toBe(false);
  });

  it("sorts ascending first, then descending", () => {
    expect(toggleSort("bk_process_id", "port")).toBe("port");
    expect(toggleSort("port", "port")).toBe("-port");
    expect(toggleSort("-port", "port")).toBe("port");
    expect(readSortState("-port", "port")).toBe("descending");
    expect(readSortState("-port", "user")).toBe("none");
  });
});
