"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { adminKeys } from "@/lib/client/admin/query-keys";
import { writeUserListView, type TUserListView } from "@/lib/client/admin/user-list-view";
import type { TUserDetail } from "@/lib/access/users/get-user-detail";
import type { TUserList } from "@/lib/access/users/list-users";

export const USERS_PATH = "/api/console/admin/users";

export function userPath(userId: number): string {
  return `${USERS_PATH}/${userId}`;
}

export function useUserList(view: TUserListView) {
  const query = writeUserListView(view).toString();
  return useQuery({
    queryKey: adminKeys.userList(view),
    queryFn: ({ signal }) => consoleFetch<TUserList>(`${USERS_PATH}${query ? `?${query}` : ""}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUserDetail(userId: number) {
  return useQuery({
    queryKey: adminKeys.user(userId),
    queryFn: ({ signal }) => consoleFetch<TUserDetail>(userPath(userId), { signal }),
  });
}
