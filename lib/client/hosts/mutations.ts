"use client";
// Issuing an enrolment token changes nothing the console has cached: the host list changes only when
// an agent enrols with it (and the list polls). Revoking an agent patches that host's state in every
// cached host list at once, then refetches.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { hostKeys } from "@/lib/client/hosts/query-keys";
import type { THostView } from "@/lib/topology/list-hosts";
import type { TRevokeResult } from "@/lib/operations/revoke-agent";

export type TIssuedEnrollmentToken = { token: string; expiresAt: string; installCommand: string | null };

export function useIssueEnrollmentToken() {
  return useMutation({
    mutationFn: (input: { ip?: string; cloudId?: number }) => consoleFetch<TIssuedEnrollmentToken>("/api/console/enrollment-tokens", { method: "POST", body: input }),
  });
}

export function useIssueEnrollmentTokens() {
  return useMutation({
    mutationFn: (input: { ips: string[]; cloudId: number }) =>
      consoleFetch<{ tokens: (TIssuedEnrollmentToken & { ip: string; cloudId: number })[] }>("/api/console/enrollment-tokens/bulk", { method: "POST", body: input }),
  });
}

/** Marks the hosts' rows "requested" at once; the list's polling then shows the agents' progress. */
export function useUpgradeAgents(bizId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hostIds: number[]) => consoleFetch<{ version: string; hostIds: number[] }>("/api/console/agents/upgrade", { method: "POST", body: { hostIds } }),
    onSuccess: (result) => {
      const requested = new Set(result.hostIds);
      queryClient.setQueryData<THostView[]>(hostKeys.list(bizId), (hosts) =>
        hosts?.map((host) => (requested.has(host.hostId) ? { ...host, agentUpgrade: { state: "requested", version: result.version, message: "", at: new Date().toISOString() } } : host)),
      );
      return queryClient.invalidateQueries({ queryKey: hostKeys.all(bizId) });
    },
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
