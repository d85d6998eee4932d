// Every TanStack Query key of the audit trail: one list per view (its filters). Entries never
// change once written, so nothing invalidates them; a new change shows on the next fetch.
import type { TAuditView } from "@/lib/client/audit/audit-view";

/** Entries per page of the trail (the server page prefetches the first one with the same size). */
export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  all: ["audit"] as const,
  lists: () => [...auditKeys.all, "list"] as const,
  list: (view: TAuditView) => [...auditKeys.lists(), view] as const,
};
