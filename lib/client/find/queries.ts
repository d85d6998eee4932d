"use client";
// The header search's one query: GET /api/console/search?q= (the server scopes it to the businesses
// the user may see). Keys live here, beside their only hook.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { consoleFetch } from "@/lib/client/console-fetch";
import type { TFindResult } from "@/lib/processes/find-across-businesses";

export const findKeys = {
  all: ["find"] as const,
  query: (q: string) => [...findKeys.all, q] as const,
};

export function useFind(q: string) {
  return useQuery({
    queryKey: findKeys.query(q),
    queryFn: ({ signal }) => consoleFetch<TFindResult>(`/api/console/search?${new URLSearchParams({ q })}`, { signal }),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export type TFindOption = { id: string; href: string; kind: "process" | "host"; bizId: number };

/** The results in the order they are shown and walked by the arrow keys: per business, processes then hosts. */
export function listFindOptions(result: TFindResult | undefined): TFindOption[] {
  if (!result) return [];
  return result.businesses.flatMap((business) => [
    ...business.processes.map((process) => ({ id: `find-p-${process.bk_process_id}`, href: `/biz/${business.bk_biz_id}/processes/${process.bk_process_id}`, kind: "process" as const, bizId: business.bk_biz_id })),
    ...business.hosts.map((host) => ({ id: `find-h-${business.bk_biz_id}-${host.bk_host_id}`, href: `/biz/${business.bk_biz_id}/hosts?${new URLSearchParams({ ip: host.bk_host_innerip })}`, kind: "host" as const, bizId: business.bk_biz_id })),
  ]);
}

/** `/` focuses search unless the user is typing somewhere (or holds a modifier). */
export function isSlashShortcut(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey">, target: EventTarget | null): boolean {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return false;
  const element = target as (HTMLElement & { isContentEditable?: boolean }) | null;
  const tag = element?.tagName?.toLowerCase();
  return !(tag === "input" || tag === "textarea" || tag === "select" || element?.isContentEditable);
}
