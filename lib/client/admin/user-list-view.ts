// What the user list shows (name filter, status), kept in the URL so a filtered list is a link.
// Browser-safe.
import { USER_STATUSES, type TUserStatus } from "@/lib/access/users/user-input";

export type TUserListView = { q: string; status: TUserStatus };

export const DEFAULT_USER_VIEW: TUserListView = { q: "", status: "all" };

/** Forgiving: a bad value in a hand-edited link falls back to its default. */
export function readUserListView(params: URLSearchParams): TUserListView {
  const status = params.get("status") ?? "";
  return {
    q: (params.get("q") ?? "").trim().slice(0, 64),
    status: (USER_STATUSES as readonly string[]).includes(status) ? (status as TUserStatus) : "all",
  };
}

export function writeUserListView(view: TUserListView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set("q", view.q);
  if (view.status !== "all") params.set("status", view.status);
  return params;
}
