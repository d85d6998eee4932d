"use client";
// The live state of the processes on one page of the list, refetched every LIVE_STATES_POLL_MS so a
// process killed on a host shows within a few seconds without a reload. One request (one SQL
// aggregate) for the page, keyed by its ids.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { operationKeys } from "@/lib/client/operations/query-keys";
import type { TProcessLiveState } from "@/lib/operations/process-live-state";

export const LIVE_STATES_POLL_MS = 2000;

export const liveStateKeys = {
  page: (bizId: number, ids: number[]) => [...operationKeys.all(bizId), "live-states", ids] as const,
};

export function useProcessLiveStates(bizId: number, ids: number[]) {
  return useQuery({
    queryKey: liveStateKeys.page(bizId, ids),
    queryFn: async ({ signal }) => {
      const states = await consoleFetch<TProcessLiveState[]>(`/api/console/businesses/${bizId}/process-states?ids=${ids.join(",")}`, { signal });
      return new Map(states.map((state) => [state.processId, state]));
    },
    enabled: ids.length > 0,
    refetchInterval: LIVE_STATES_POLL_MS,
    placeholderData: keepPreviousData,
  });
}
