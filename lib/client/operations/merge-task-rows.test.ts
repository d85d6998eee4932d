import { describe, expect, it } from "vitest";
import type { TTaskDetail, TTaskRowView } from "@/lib/operations/get-task-detail";
import { mergeTaskRows } from "./merge-task-rows";

const row = (id: string, code: number) => ({ id, code, ip: `10.0.0.${id}` }) as TTaskRowView;
const task = (rows: TTaskRowView[], extra: Partial<TTaskDetail> = {}) => ({ rows, processes: [], isPartial: false, cursor: "1", progress: { total: 3, done: 0, succeeded: 0, failed: 0, running: 3 }, ...extra }) as unknown as TTaskDetail;

describe("mergeTaskRows", () => {
  it("replaces the changed rows in place and takes the new progress and cursor", () => {
    const held = task([row("1", 115), row("2", 115), row("3", 115)]);
    const changed = task([row("2", 0)], { isPartial: true, cursor: "9", progress: { total: 3, done: 1, succeeded: 1, failed: 0, running: 2 }, processes: [{ processId: 4, name: "p" }] });
    const merged = mergeTaskRows(held, changed);
    expect(merged.rows.map((r) => [r.id, r.code])).toEqual([["1", 115], ["2", 0], ["3", 115]]);
    expect(merged).toMatchObject({ cursor: "9", isPartial: false, progress: { done: 1 }, processes: [{ processId: 4 }] });
  });

  it("takes a whole reply as it is", () => {
    const whole = task([row("1", 0)]);
    expect(mergeTaskRows(task([row("1", 115)]), whole)).toBe(whole);
  });
});
