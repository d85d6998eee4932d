"use client";
// Changing API apps: each change patches the app's cached detail and marks the list stale.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { adminKeys } from "@/lib/client/admin/query-keys";
import { APPS_PATH, appPath } from "@/lib/client/admin/app-queries";
import type { TCreateApp, TUpdateApp } from "@/lib/access/apps/app-input";
import type { TAppSummary } from "@/lib/access/apps/app-summary";
import type { TCreatedApp } from "@/lib/access/apps/create-app";
import type { TAppDetail } from "@/lib/access/apps/get-app-detail";
import type { TRotatedSecret } from "@/lib/access/apps/rotate-app-secret";
import type { TGrantView } from "@/lib/access/grants/grant-scope";
import type { TRole } from "@/lib/access/permissions";

export function useCreateApp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateApp) => consoleFetch<TCreatedApp>(APPS_PATH, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.appList() }),
  });
}

export function useUpdateApp(appId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: TUpdateApp) => consoleFetch<TAppSummary>(appPath(appId), { method: "PATCH", body: changes }),
    onSuccess: (app) => patchDetail(queryClient, appId, (detail) => ({ ...detail, app })),
  });
}

export function useRotateAppSecret(appId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => consoleFetch<TRotatedSecret>(`${appPath(appId)}/secret`, { method: "POST" }),
    onSuccess: ({ app }) => patchDetail(queryClient, appId, (detail) => ({ ...detail, app })),
  });
}

export function useRevokeApp(appId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => consoleFetch<TAppSummary>(appPath(appId), { method: "DELETE" }),
    onSuccess: (app) => patchDetail(queryClient, appId, (detail) => ({ ...detail, app })),
  });
}

export function useSetAppRole(appId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ bizId, role }: { bizId: number; role: TRole }) => consoleFetch<TGrantView[]>(`${appPath(appId)}/roles/${bizId}`, { method: "PUT", body: { role } }),
    onSuccess: (grants) => patchDetail(queryClient, appId, (detail) => ({ ...detail, grants })),
  });
}

export function useRevokeAppRole(appId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bizId: number) => consoleFetch<TGrantView[]>(`${appPath(appId)}/roles/${bizId}`, { method: "DELETE" }),
    onSuccess: (grants) => patchDetail(queryClient, appId, (detail) => ({ ...detail, grants })),
  });
}

function patchDetail(queryClient: QueryClient, appId: number, patch: (detail: TAppDetail) => TAppDetail) {
  queryClient.setQueryData<TAppDetail>(adminKeys.app(appId), (detail) => (detail ? patch(detail) : detail));
  return queryClient.invalidateQueries({ queryKey: adminKeys.appList() });
}
