// Server reads of the administration and account pages, under the keys of lib/client/admin and
// account, each the same call as its console API route (the pages check the global-admin
// role before asking for the admin ones).
import "server-only";
import { getAccount } from "@/lib/access/account/get-account";
import { getAppDetail } from "@/lib/access/apps/get-app-detail";
import { listApps } from "@/lib/access/apps/list-apps";
import type { TSession } from "@/lib/access/read-session";
import { getUserDetail } from "@/lib/access/users/get-user-detail";
import { ZUserListQuery } from "@/lib/access/users/user-input";
import { listUsers } from "@/lib/access/users/list-users";
import { accountKeys } from "@/lib/client/account/query-keys";
import { adminKeys } from "@/lib/client/admin/query-keys";
import { readUserListView, writeUserListView } from "@/lib/client/admin/user-list-view";
import { parseRouteQuery, type TPagePrefetch } from "./hydrate-queries";

/** GET /api/console/admin/users?<view> */
export function prefetchUserList(query: URLSearchParams): TPagePrefetch | null {
  const view = readUserListView(query);
  const parsed = parseRouteQuery(ZUserListQuery, writeUserListView(view));
  return parsed && { queryKey: adminKeys.userList(view), read: () => listUsers(parsed) };
}

/** GET /api/console/admin/users/{id} */
export function prefetchUserDetail(userId: number): TPagePrefetch {
  return { queryKey: adminKeys.user(userId), read: () => getUserDetail(userId) };
}

/** GET /api/console/admin/apps */
export function prefetchAppList(): TPagePrefetch {
  return { queryKey: adminKeys.appList(), read: () => listApps() };
}

/** GET /api/console/admin/apps/{id} */
export function prefetchAppDetail(appId: number): TPagePrefetch {
  return { queryKey: adminKeys.app(appId), read: () => getAppDetail(appId) };
}

/** GET /api/console/account */
export function prefetchAccount(session: TSession): TPagePrefetch {
  return { queryKey: accountKeys.account(), read: () => getAccount(session) };
}
