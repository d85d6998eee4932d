// TanStack Query keys of user and API app administration.
import type { TUserListView } from "@/lib/client/admin/user-list-view";

export const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  userLists: () => [...adminKeys.users(), "list"] as const,
  userList: (view: TUserListView) => [...adminKeys.userLists(), view] as const,
  user: (userId: number) => [...adminKeys.users(), "detail", userId] as const,
  apps: () => [...adminKeys.all, "apps"] as const,
  appList: () => [...adminKeys.apps(), "list"] as const,
  app: (appId: number) => [...adminKeys.apps(), "detail", appId] as const,
};
