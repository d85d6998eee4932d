"use client";
// The signed-in user's own account: profile, grants and sessions; changing the password and signing
// other sessions out patch the cached account.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import type { TAccount } from "@/lib/access/account/get-account";
import type { TChangeOwnPassword } from "@/lib/access/users/user-input";
import { accountKeys } from "@/lib/client/account/query-keys";

const ACCOUNT_PATH = "/api/console/account";

export function useAccount() {
  return useQuery({
    queryKey: accountKeys.account(),
    queryFn: ({ signal }) => consoleFetch<TAccount>(ACCOUNT_PATH, { signal }),
  });
}

export function useChangeOwnPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TChangeOwnPassword) => consoleFetch<{ revokedSessions: number }>(`${ACCOUNT_PATH}/password`, { method: "POST", body: input }),
    onSuccess: () => {
      queryClient.setQueryData<TAccount>(accountKeys.account(), (account) =>
        account ? { ...account, mustChangePassword: false, passwordChangedAt: new Date().toISOString(), sessions: account.sessions.filter((session) => session.isCurrent) } : account,
      );
      return queryClient.invalidateQueries({ queryKey: accountKeys.account() });
    },
  });
}

/** One of the user's own sessions by id, or every one but this (sessionId undefined). */
export function useRevokeOwnSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId?: string) => consoleFetch<{ revoked: number }>(`${ACCOUNT_PATH}/sessions${sessionId ? `/${sessionId}` : ""}`, { method: "DELETE" }),
    onSuccess: (_result, sessionId) =>
      queryClient.setQueryData<TAccount>(accountKeys.account(), (account) =>
        account ? { ...account, sessions: account.sessions.filter((session) => (sessionId ? session.id !== sessionId : session.isCurrent)) } : account,
      ),
  });
}
