// GET /api/console/audit/export?<the list's filters>  the same entries as a CSV download (up to 50,000 rows)
import { ZAuditFilter } from "@/lib/audit/audit-filter";
import { consoleDownloadRoute } from "@/lib/api/console-download-route";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";

export const GET = consoleDownloadRoute({
  access: "signed-in",
  query: ZAuditFilter,
  handle: ({ principal, query }) => exportAuditCsv(principal, query),
});
