// What the task page shows of its rows: a state filter (with counts), an IP search, a sort (row order
// or duration) and a page of them, grouped by process. It lives in the URL (short names, defaults left
// out) so "the failed rows of this task" is a link. Browser-safe and pure: unit-tested.
import { rowState } from "@/lib/client/operations/result-codes";

export const ROW_FILTERS = ["all", "running", "succeeded", "failed"] as const;
export type TRowFilter = (typeof ROW_FILTERS)[number];
export const ROW_SORTS = ["row", "duration-desc", "duration-asc"] as const;
export type TRowSort = (typeof ROW_SORTS)[number];
/** A page of rows renders in a few milliseconds; 5,000 at once would not. */
export const ROWS_PER_PAGE = 100;

export type TTaskRowsView = { state: TRowFilter; ip: string; sort: TRowSort; page: number };
export const DEFAULT_ROWS_VIEW: TTaskRowsView = { state: "all", ip: "", sort: "row", page: 1 };

export function readTaskRowsView(params: URLSearchParams): TTaskRowsView {
  const state = params.get("rows") ?? "";
  const sort = params.get("sort") ?? "";
  const page = Number(params.get("page"));
  return {
    state: (ROW_FILTERS as readonly string[]).includes(state) ? (state as TRowFilter) : "all",
    ip: (params.get("ip") ?? "").trim().slice(0, 64),
    sort: (ROW_SORTS as readonly string[]).includes(sort) ? (sort as TRowSort) : "row",
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1,
  };
}

export function writeTaskRowsView(view: TTaskRowsView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.state !== "all") params.set("rows", view.state);
  if (view.ip) params.set("ip", view.ip);
  if (view.sort !== "row") params.set("sort", view.sort);
  if (view.page > 1) params.set("page", String(view.page));
  return params;
}

type TRow = { id: string; ip: string; code: number; processName: string; durationMs: number | null };

export function countRowStates(rows: TRow[]): Record<TRowFilter, number> {
  const counts = { all: rows.length, running: 0, succeeded: 0, failed: 0 };
  for (const row of rows) counts[rowState(row.code)] += 1;
  return counts;
}

export function matchesRowFilter(row: TRow, view: Pick<TTaskRowsView, "state" | "ip">): boolean {
  return (view.state === "all" || rowState(row.code) === view.state) && (view.ip === "" || row.ip.includes(view.ip));
}

/**
 * The rows shown, in order: grouped by process (groups in the order their first row came), within a
 * group by row order or duration (rows without one — still running — last either way).
 */
export function selectTaskRows<T extends TRow>(rows: T[], view: TTaskRowsView): T[] {
  const groupOf = new Map<string, number>();
  for (const row of rows) if (!groupOf.has(row.processName)) groupOf.set(row.processName, groupOf.size);
  const shown = rows.map((row, index) => ({ row, index })).filter(({ row }) => matchesRowFilter(row, view));
  const direction = view.sort === "duration-asc" ? 1 : -1;
  shown.sort((a, b) => {
    const group = groupOf.get(a.row.processName)! - groupOf.get(b.row.processName)!;
    if (group !== 0) return group;
    if (view.sort !== "row") {
      const da = a.row.durationMs;
      const db = b.row.durationMs;
      if (da !== db) {
        if (da === null) return 1;
        if (db === null) return -1;
        return (da - db) * direction;
      }
    }
    return a.index - b.index;
  });
  return shown.map(({ row }) => row);
}

/** IPs to copy, one a line, each once, in the order shown. */
export function ipsToCopy(rows: TRow[]): string {
  return [...new Set(rows.map((row) => row.ip))].join("\n");
}
