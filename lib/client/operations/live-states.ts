"use client";
// The live state of the processes on one page of the list, refetched every LIVE_STATES_POLL_MS so a
// process killed on a host shows within a few seconds without a reload. One request (one SQL
// aggregate) for the page, keyed by its ids. The cache holds the route's answer as sent (so the
// server can hand over the first one with the page); the hook gives it as a map by process id.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import { operationKeys } from "@/lib/client/operations/query-keys";
import type { TProcessLiveState } from "@/lib/operations/process-live-state";

export const LIVE_STATES_POLL_MS = 2000;

// one function for every render: TanStack Query then maps a fetched answer only once
const toStateMap = (states: TProcessLiveState[]) => new Map(states.map((state) => [state.processId, state]));

export function useProcessLiveStates(bizId: number, ids: number[]) {
  return useQuery({
    queryKey: operationKeys.liveStates(bizId, ids),
    queryFn: ({ signal }) => consoleFetch<TProcessLiveState[]>(`/api/console/businesses/${bizId}/process-states?ids=${ids.join(",")}`, { signal }),
    select: toStateMap,
    enabled: ids.length > 0,
    refetchInterval: LIVE_STATES_POLL_MS,
    placeholderData: keepPreviousData,
  });
}
