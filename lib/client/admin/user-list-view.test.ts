import { describe, expect, it } from "vitest";
import { readUserListView, writeUserListView } from "@/lib/client/admin/user-list-view";

describe("user list view in the URL", () => {
  it("round-trips the filters and leaves defaults out", () => {
    const view = { q: "ops", status: "disabled" as const };
    expect(readUserListView(writeUserListView(view))).toEqual(view);
    expect(writeUserListView({ q: "", status: "all" }).toString()).toBe("");
  });

  it("falls back to defaults for hand-edited nonsense", () => {
    expect(readUserListView(new URLSearchParams("status=banned&q=%20x%20"))).toEqual({ q: "x", status: "all" });
  });
});
