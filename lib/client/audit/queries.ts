"use client";
// Reading the audit trail: pages of entries, newest first, one key per view; "Load more" asks for the
// entries older than the last one shown (the server's nextCursor). Passes TanStack's signal on.
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import type { TAuditPage } from "@/lib/audit/list-audit-entries";
import { toAuditQuery, type TAuditView } from "@/lib/client/audit/audit-view";
import { AUDIT_PAGE_SIZE, auditKeys } from "@/lib/client/audit/query-keys";
import { consoleFetch } from "@/lib/client/console-fetch";


export function useAuditEntries(view: TAuditView) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(view),
    queryFn: ({ pageParam, signal }) => consoleFetch<TAuditPage>(`/api/console/audit?${toAuditQuery(view, { cursor: pageParam, limit: AUDIT_PAGE_SIZE })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    placeholderData: keepPreviousData,
    // a change made a moment ago elsewhere in the console should be here when the page opens
    staleTime: 0,
  });
}
