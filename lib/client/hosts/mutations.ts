"use client";
// Issuing an enrolment token changes nothing the console has cached: the host list changes only when
// an agent enrols with it (and the list polls). Revoking an agent patches that host's state in every
// cached host list at once, then refetches.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { hostKeys } from "@/lib/client/hosts/query-keys";
import type { THostView } from "@/lib/topology/list-hosts";
import type { TRevokeResult } from "@/lib/operations/revoke-agent";

export function useIssueEnrollmentToken() {
  return useMutation({
    mutationFn: (input: { ip?: string }) => consoleFetch<{ token: string; expiresAt: string }>("/api/console/enrollment-tokens", { method: "POST", body: input }),
  });
}

export function useRevokeAgent(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hostId: number) => consoleFetch<TRevokeResult>(`/api/console/hosts/${hostId}/revoke-agent`, { method: "POST" }),
    onSuccess: (result) => {
      queryClient.setQueryData<THostView[]>(hostKeys.list(bizId), (hosts) =>
        hosts?.map((host) => (host.hostId === result.hostId ? { ...host, agentState: result.agentState, revokedAt: result.revokedAt } : host)),
      );
      return queryClient.invalidateQueries({ queryKey: hostKeys.all(bizId) });
    },
  });
}
