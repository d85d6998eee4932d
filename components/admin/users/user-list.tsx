"use client";
// Every console user: name, grants, status, last sign-in. Filters live in the URL; "New user" creates
// one with an initial or generated password.
import Link from "next/link";
import { useCallback } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { FOCUS_RING } from "@/components/ui/focus-ring";
import { EmptyState, ErrorNotice, WarningNotice } from "@/components/ui/notice";
import { SkeletonRows } from "@/components/ui/skeleton";
import { Cell, HeaderCell, Row, Table, TableHead } from "@/components/ui/table";
import { GrantBadges } from "@/components/admin/grant-badges";
import { Moment } from "@/components/admin/moment";
import { CreateUserButton } from "@/components/admin/users/create-user-dialog";
import { UserListFilters } from "@/components/admin/users/user-list-filters";
import { useUserList } from "@/lib/client/admin/user-queries";
import { readUserListView, writeUserListView, type TUserListView } from "@/lib/client/admin/user-list-view";
import { useT } from "@/lib/client/i18n/lang-context";
import { useUrlQuery } from "@/lib/client/use-url-state";
import { USER_LIST_LIMIT } from "@/lib/access/users/user-input";

const COLUMNS = 5;

export function UserList() {
  const t = useT();
  const [query, setQuery] = useUrlQuery();
  const view = readUserListView(query);
  const list = useUserList(view);
  const viewKey = writeUserListView(view).toString();
  const changeView = useCallback(
    (change: Partial<TUserListView>, mode: "push" | "replace" = "push") => setQuery(writeUserListView({ ...readUserListView(new URLSearchParams(viewKey)), ...change }), mode),
    [viewKey, setQuery],
  );
  const hasFilters = view.q !== "" || view.status !== "all";
  const linkClass = `rounded font-medium text-blue-700 underline-offset-2 hover:underline dark:text-blue-400 ${FOCUS_RING}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-lg font-semibold">{t("adminUsersTitle")}</h1>
        {list.data && (
          <span className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
            {t("adminUserCount", { count: list.data.users.length })}
          </span>
        )}
        <div className="ml-auto">
          <CreateUserButton />
        </div>
      </div>
      <UserListFilters view={view} onViewChange={changeView} />
      {list.data?.isTruncated && <WarningNotice title={t("adminUsersTruncated", { limit: USER_LIST_LIMIT })} />}
      {list.isError && !list.data ? (
        <ErrorNotice title={t("adminUsersError")} message={list.error.message} retryLabel={t("retry")} onRetry={() => list.refetch()} />
      ) : (
        <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
          <div className={`overflow-x-auto transition-opacity ${list.isPlaceholderData ? "opacity-60" : ""}`} aria-busy={list.isFetching}>
            <Table>
              <caption className="sr-only">{t("adminUsersTitle")}</caption>
              <TableHead>
                <tr>
                  <HeaderCell>{t("adminUserColumn")}</HeaderCell>
                  <HeaderCell>{t("adminRolesColumn")}</HeaderCell>
                  <HeaderCell>{t("adminStatusColumn")}</HeaderCell>
                  <HeaderCell>{t("adminLastSignInColumn")}</HeaderCell>
                  <HeaderCell>{t("adminCreatedColumn")}</HeaderCell>
                </tr>
              </TableHead>
              <tbody>
                {list.data
                  ? list.data.users.map((user) => (
                      <Row key={user.id} data-username={user.username}>
                        <Cell>
                          <Link href={`/admin/users/${user.id}`} className={linkClass}>
                            {user.username}
                          </Link>
                          {user.displayName && <div className="text-xs text-slate-500 dark:text-slate-400">{user.displayName}</div>}
                        </Cell>
                        <Cell>
                          <GrantBadges grants={user.grants} isGlobalAdmin={user.isGlobalAdmin} />
                        </Cell>
                        <Cell>
                          <div className="flex flex-wrap gap-1">
                            {user.isDisabled ? <Badge tone="red">{t("adminDisabled")}</Badge> : <Badge tone="green">{t("adminActive")}</Badge>}
                            {user.mustChangePassword && <Badge tone="amber">{t("adminMustChangePassword")}</Badge>}
                          </div>
                        </Cell>
                        <Cell className="text-xs">
                          <Moment iso={user.lastSignInAt} fallbackKey="adminNever" />
                        </Cell>
                        <Cell className="text-xs">
                          <Moment iso={user.createdAt} />
                        </Cell>
                      </Row>
                    ))
                  : <SkeletonRows rows={6} columns={COLUMNS} />}
              </tbody>
            </Table>
          </div>
          {list.data?.users.length === 0 &&
            (hasFilters ? (
              <EmptyState title={t("adminNoUsersMatch")} hint={t("adminNoUsersMatchHint")}>
                <Button onClick={() => changeView({ q: "", status: "all" })}>{t("clearFilters")}</Button>
              </EmptyState>
            ) : (
              <EmptyState title={t("adminNoUsers")} />
            ))}
        </div>
      )}
    </div>
  );
}
