"use client";
// Changing users. Each change patches the user's cached detail with what the server answered and
// marks the lists stale (they show grants, status and flags too).
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { adminKeys } from "@/lib/client/admin/query-keys";
import { USERS_PATH, userPath } from "@/lib/client/admin/user-queries";
import type { TGrantView } from "@/lib/access/grants/grant-scope";
import type { TRole } from "@/lib/access/permissions";
import type { TCreatedUser } from "@/lib/access/users/create-user";
import type { TUserDetail } from "@/lib/access/users/get-user-detail";
import type { TPasswordReset } from "@/lib/access/users/reset-user-password";
import type { TCreateUser, TUpdateUser } from "@/lib/access/users/user-input";
import type { TUserSummary } from "@/lib/access/users/user-summary";

type TCreateUserInput = Omit<TCreateUser, "displayName" | "isGlobalAdmin"> & Partial<Pick<TCreateUser, "displayName" | "isGlobalAdmin">>;

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateUserInput) => consoleFetch<TCreatedUser>(USERS_PATH, { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.userLists() }),
  });
}

export function useUpdateUser(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: TUpdateUser) => consoleFetch<TUserSummary>(userPath(userId), { method: "PATCH", body: changes }),
    onSuccess: (user) => patchDetail(queryClient, userId, (detail) => ({ ...detail, user, sessions: user.isDisabled ? [] : detail.sessions })),
  });
}

export function useResetPassword(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => consoleFetch<TPasswordReset>(`${userPath(userId)}/password-reset`, { method: "POST" }),
    onSuccess: () => patchDetail(queryClient, userId, (detail) => ({ ...detail, user: { ...detail.user, mustChangePassword: true }, sessions: [] })),
  });
}

export function useSetUserRole(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ bizId, role }: { bizId: number; role: TRole }) => consoleFetch<TGrantView[]>(`${userPath(userId)}/roles/${bizId}`, { method: "PUT", body: { role } }),
    onSuccess: (grants) => patchDetail(queryClient, userId, (detail) => ({ ...detail, grants })),
  });
}

export function useRevokeUserRole(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bizId: number) => consoleFetch<TGrantView[]>(`${userPath(userId)}/roles/${bizId}`, { method: "DELETE" }),
    onSuccess: (grants) => patchDetail(queryClient, userId, (detail) => ({ ...detail, grants })),
  });
}

/** One session by id, or every session of the user (sessionId undefined). */
export function useRevokeUserSessions(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId?: string) => consoleFetch<{ revoked: number }>(`${userPath(userId)}/sessions${sessionId ? `/${sessionId}` : ""}`, { method: "DELETE" }),
    onSuccess: (_result, sessionId) => patchDetail(queryClient, userId, (detail) => ({ ...detail, sessions: sessionId ? detail.sessions.filter((session) => session.id !== sessionId) : [] })),
  });
}

function patchDetail(queryClient: QueryClient, userId: number, patch: (detail: TUserDetail) => TUserDetail) {
  queryClient.setQueryData<TUserDetail>(adminKeys.user(userId), (detail) => (detail ? patch(detail) : detail));
  return queryClient.invalidateQueries({ queryKey: adminKeys.userLists() });
}
