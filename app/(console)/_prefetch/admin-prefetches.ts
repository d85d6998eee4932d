// Server reads of the administration, audit and account pages, under the keys of lib/client/admin,
// audit and account, each the same call as its console API route (the pages check the global-admin
// role before asking for the admin ones).
import "server-only";
import { getAccount } from "@/lib/access/account/get-account";
import { getAppDetail } from "@/lib/access/apps/get-app-detail";
import { listApps } from "@/lib/access/apps/list-apps";
import type { TPrincipal } from "@/lib/access/permissions";
import type { TSession } from "@/lib/access/read-session";
import { getUserDetail } from "@/lib/access/users/get-user-detail";
import { ZUserListQuery } from "@/lib/access/users/user-input";
import { listUsers } from "@/lib/access/users/list-users";
import { ZAuditFilter } from "@/lib/audit/audit-filter";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { accountKeys } from "@/lib/client/account/query-keys";
import { adminKeys } from "@/lib/client/admin/query-keys";
import { readUserListView, writeUserListView } from "@/lib/client/admin/user-list-view";
import { readAuditView, toAuditQuery } from "@/lib/client/audit/audit-view";
import { AUDIT_PAGE_SIZE, auditKeys } from "@/lib/client/audit/query-keys";
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

/**
 * GET /api/console/audit?<view>: the first page. Not when the view has a time range: the page turns
 * it into instants in the browser's time zone, which the server does not know.
 */
export function prefetchAuditEntries(principal: TPrincipal, query: URLSearchParams): TPagePrefetch | null {
  const view = readAuditView(query);
  if (view.from || view.to) return null;
  const filter = parseRouteQuery(ZAuditFilter, toAuditQuery(view, { limit: AUDIT_PAGE_SIZE }));
  return filter && { queryKey: auditKeys.list(view), read: () => listAuditEntries(principal, filter), isInfinite: true };
}

/** GET /api/console/account */
export function prefetchAccount(session: TSession): TPagePrefetch {
  return { queryKey: accountKeys.account(), read: () => getAccount(session) };
}
