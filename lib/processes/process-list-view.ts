// What the console's process list shows: name search, module filter, sort, page, page size and the
// visible columns. It lives in the URL, so any view is a shareable link. Browser-safe, and
// kept free of zod (the list's first load): the API's schema is in process-list-query.ts.
import { PROCESS_ATTRIBUTES } from "@/lib/processes/attribute-metadata";

/** a pseudo-column: the module names the process is bound to */
export const MODULES_COLUMN = "modules";
export const ATTRIBUTE_COLUMNS = PROCESS_ATTRIBUTES.filter((attribute) => attribute.isEditable).map((attribute) => attribute.id);
/** every column a user may show; the name column is always shown */
export const LIST_COLUMNS = ["bk_process_id", ...ATTRIBUTE_COLUMNS, MODULES_COLUMN];
export const SORTABLE_COLUMNS = ["bk_process_id", ...ATTRIBUTE_COLUMNS];
export const DEFAULT_COLUMNS = ["bk_process_id", "bk_process_name", "bk_func_name", "port", "protocol", "bind_ip", "user", MODULES_COLUMN];
export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const DEFAULT_SORT = "bk_process_id";
export const MAX_PAGE = 1_000_000;

/** The live states of a process across its hosts (lib/operations/process-live-state.ts says what each means). */
export const LIVE_STATES = ["running", "partial", "stopped", "offline", "unknown", "no_hosts"] as const;
export type TLiveState = (typeof LIVE_STATES)[number];

export type TProcessListView = {
  /** substring of bk_process_name or bk_func_name, any case ("" = any) */
  q: string;
  /** bound module name ("" = any) */
  module: string;
  /** live state ("" = any) */
  state: TLiveState | "";
  /** one column, "-column" for descending */
  sort: string;
  /** 1-based */
  page: number;
  size: number;
  cols: string[];
};

export const DEFAULT_VIEW: TProcessListView = { q: "", module: "", state: "", sort: DEFAULT_SORT, page: 1, size: DEFAULT_PAGE_SIZE, cols: DEFAULT_COLUMNS };

/** Reads a view from URL parameters, forgiving: an unknown or bad value falls back to its default. */
export function readProcessListView(params: URLSearchParams): TProcessListView {
  const sort = params.get("sort") ?? "";
  const page = Number(params.get("page"));
  const size = Number(params.get("size"));
  const cols = (params.get("cols") ?? "").split(",").filter((col) => LIST_COLUMNS.includes(col));
  return {
    q: (params.get("q") ?? "").slice(0, 256),
    module: (params.get("module") ?? "").slice(0, 256),
    state: readLiveState(params.get("state")),
    sort: SORTABLE_COLUMNS.includes(sort.replace(/^-/, "")) ? sort : DEFAULT_SORT,
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    cols: cols.length ? withNameColumn([...new Set(cols)]) : DEFAULT_COLUMNS,
  };
}

/** The URL parameters of a view; defaults are left out so links stay short. */
export function writeProcessListView(view: TProcessListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.module) params.set("module", view.module);
  if (view.state) params.set("state", view.state);
  if (view.sort !== DEFAULT_SORT) params.set("sort", view.sort);
  if (view.page !== 1) params.set("page", String(view.page));
  if (view.size !== DEFAULT_PAGE_SIZE) params.set("size", String(view.size));
  if (view.cols.join(",") !== DEFAULT_COLUMNS.join(",")) params.set("cols", view.cols.join(","));
  return params;
}

/** The same view as the console API's query (every value explicit). */
export function toListQuery(view: TProcessListView): URLSearchParams {
  return new URLSearchParams({ q: view.q, module: view.module, state: view.state, sort: view.sort, page: String(view.page), size: String(view.size), cols: view.cols.join(",") });
}

/** Next sort when a column header is clicked: ascending first, then descending. */
export function toggleSort(current: string, column: string): string {
  return current === column ? `-${column}` : column;
}

export function readSortState(sort: string, column: string): "ascending" | "descending" | "none" {
  if (sort === column) return "ascending";
  if (sort === `-${column}`) return "descending";
  return "none";
}

function readLiveState(value: string | null): TLiveState | "" {
  return (LIVE_STATES as readonly string[]).includes(value ?? "") ? (value as TLiveState) : "";
}

function withNameColumn(cols: string[]): string[] {
  return cols.includes("bk_process_name") ? cols : ["bk_process_name", ...cols];
}
