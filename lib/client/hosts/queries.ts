"use client";
// The hosts page's data, refreshed every 10 s: agents heartbeat at least every 25 s.
import { useQuery } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { hostKeys } from "@/lib/client/hosts/query-keys";
import type { THostView } from "@/lib/topology/list-hosts";

export const HOSTS_POLL_MS = 10_000;

export function useHosts(bizId: number) {
  return useQuery({
    queryKey: hostKeys.list(bizId),
    queryFn: ({ signal }) => consoleFetch<THostView[]>(`/api/console/businesses/${bizId}/hosts`, { signal }),
    refetchInterval: HOSTS_POLL_MS,
  });
}

/** The server's agent build (public /agent/manifest.json): its version is what agents are compared with. */
export function useAgentBuildVersion() {
  return useQuery({
    queryKey: ["agent-build"] as const,
    queryFn: async ({ signal }) => {
      const reply = await fetch("/agent/manifest.json", { signal });
      if (!reply.ok) return null;
      return ((await reply.json()) as { version?: string }).version ?? null;
    },
    staleTime: 60_000,
  });
}
