"use client";
import { useQuery } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { adminKeys } from "@/lib/client/admin/query-keys";
import type { TAppDetail } from "@/lib/access/apps/get-app-detail";
import type { TAppRow } from "@/lib/access/apps/list-apps";

export const APPS_PATH = "/api/console/admin/apps";

export function appPath(appId: number): string {
  return `${APPS_PATH}/${appId}`;
}

export function useAppList() {
  return useQuery({
    queryKey: adminKeys.appList(),
    queryFn: ({ signal }) => consoleFetch<TAppRow[]>(APPS_PATH, { signal }),
  });
}

export function useAppDetail(appId: number) {
  return useQuery({
    queryKey: adminKeys.app(appId),
    queryFn: ({ signal }) => consoleFetch<TAppDetail>(appPath(appId), { signal }),
  });
}
