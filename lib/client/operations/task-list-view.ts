// What the task history shows: filters (process, host IP, operation, state, user) and paging. It lives
// in the URL (short names, defaults left out) so "who ran what on this host" is a link. Browser-safe.
export const TASK_STATES = ["running", "succeeded", "failed"] as const;
export type TTaskState = (typeof TASK_STATES)[number];
export const TASK_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_TASK_PAGE_SIZE = 25;
const MAX_PAGE = 1_000_000;
const OP_TYPES = [0, 1, 2, 3, 4, 7, 8, 9];

export type TTaskListView = {
  /** bk_process_id, null = any */
  process: number | null;
  /** a row's host IP, exactly ("" = any) */
  ip: string;
  /** op_type, null = any */
  op: number | null;
  state: TTaskState | null;
  /** who asked ("" = anyone) */
  user: string;
  page: number;
  size: number;
};

export const DEFAULT_TASK_VIEW: TTaskListView = { process: null, ip: "", op: null, state: null, user: "", page: 1, size: DEFAULT_TASK_PAGE_SIZE };

/** Forgiving: a bad value in a hand-edited link falls back to its default. */
export function readTaskListView(params: URLSearchParams): TTaskListView {
  const process = Number(params.get("process"));
  const op = params.get("op");
  const state = params.get("state");
  const page = Number(params.get("page"));
  const size = Number(params.get("size"));
  return {
    process: Number.isInteger(process) && process > 0 && process <= 2147483647 ? process : null,
    ip: (params.get("ip") ?? "").trim().slice(0, 64),
    op: op !== null && op !== "" && OP_TYPES.includes(Number(op)) ? Number(op) : null,
    state: (TASK_STATES as readonly string[]).includes(state ?? "") ? (state as TTaskState) : null,
    user: (params.get("user") ?? "").trim().slice(0, 128),
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    size: (TASK_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_TASK_PAGE_SIZE,
  };
}

export function writeTaskListView(view: TTaskListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.process !== null) params.set("process", String(view.process));
  if (view.ip) params.set("ip", view.ip);
  if (view.op !== null) params.set("op", String(view.op));
  if (view.state) params.set("state", view.state);
  if (view.user) params.set("user", view.user);
  if (view.page !== 1) params.set("page", String(view.page));
  if (view.size !== DEFAULT_TASK_PAGE_SIZE) params.set("size", String(view.size));
  return params;
}

/** The console API's query (lib/operations/list-tasks.ts ZTaskFilter): only the filters that are set. */
export function toTaskQuery(view: TTaskListView): URLSearchParams {
  const params = new URLSearchParams({ page: String(view.page), pageSize: String(view.size) });
  if (view.process !== null) params.set("processId", String(view.process));
  if (view.ip) params.set("ip", view.ip);
  if (view.op !== null) params.set("opType", String(view.op));
  if (view.state) params.set("state", view.state);
  if (view.user) params.set("user", view.user);
  return params;
}

export function hasTaskFilters(view: TTaskListView): boolean {
  return view.process !== null || view.ip !== "" || view.op !== null || view.state !== null || view.user !== "";
}

/** The task page of a task; its id has ':' in it, so it is encoded. */
export function taskHref(bizId: number, taskId: string): string {
  return `/biz/${bizId}/tasks/${encodeURIComponent(taskId)}`;
}

/** The history filtered to one view, e.g. taskListHref(2, {ip: "127.0.0.11"}). */
export function taskListHref(bizId: number, filters: Partial<TTaskListView> = {}): string {
  const query = writeTaskListView({ ...DEFAULT_TASK_VIEW, ...filters }).toString();
  return `/biz/${bizId}/tasks${query ? `?${query}` : ""}`;
}
