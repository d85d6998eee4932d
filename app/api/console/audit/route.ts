// GET /api/console/audit?bizId=&user=&app=&objectType=&object=&action=&from=&to=&cursor=&limit=
// the audit trail the signed-in user may see, newest first, keyset-paged (lib/audit/audit-visibility.ts)
import { consoleRoute } from "@/lib/api/console-route";
import { ZAuditFilter } from "@/lib/audit/audit-filter";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";

export const GET = consoleRoute({
  access: "signed-in",
  query: ZAuditFilter,
  handle: ({ principal, query }) => listAuditEntries(principal, query),
});
