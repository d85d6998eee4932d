// The audit trail as a CSV download: the same filters and visibility as the page (paging aside),
// newest first, up to EXPORT_MAX_ROWS rows, streamed in batches so a large export never sits in
// memory. A refused filter (403, 400) is thrown before the first byte, so it still answers as the
// console envelope.
import type { TPrincipal } from "@/lib/access/permissions";
import type { TAuditFilter } from "@/lib/audit/audit-filter";
import { toAuditWhere } from "@/lib/audit/audit-visibility";
import { toCsvLine } from "@/lib/audit/csv";
import { diffAuditValues } from "@/lib/audit/diff-audit-values";
import { readAuditBatch, type TAuditEntry } from "@/lib/audit/list-audit-entries";
import { describeForLog } from "@/lib/core/errors";

export const EXPORT_MAX_ROWS = 50_000;
const BATCH_SIZE = 1_000;
/** Excel reads a CSV as UTF-8 (Chinese names intact) only when it starts with a byte order mark */
const BOM = "\uFEFF";

export const AUDIT_CSV_COLUMNS = ["id", "time", "bk_biz_id", "business", "actor_type", "actor", "app_code", "object_type", "object_id", "object_name", "action", "changed_fields", "before", "after"] as const;

export async function exportAuditCsv(principal: TPrincipal, filter: TAuditFilter, now = new Date()): Promise<Response> {
  const where = toAuditWhere(principal, filter);
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let sent = 0;
  let isHeaderSent = false;
  let isDone = false;

  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!isHeaderSent) {
        isHeaderSent = true;
        controller.enqueue(encoder.encode(BOM + toCsvLine(AUDIT_CSV_COLUMNS)));
        return;
      }
      try {
        const take = Math.min(BATCH_SIZE, EXPORT_MAX_ROWS - sent);
        const entries = take > 0 && !isDone ? await readAuditBatch(where, cursor, take) : [];
        if (entries.length) {
          controller.enqueue(encoder.encode(entries.map(toCsvRow).join("")));
          sent += entries.length;
          cursor = entries[entries.length - 1].id;
        }
        if (entries.length < take || sent >= EXPORT_MAX_ROWS) isDone = true;
        if (isDone) controller.close();
      } catch (error) {
        // the status line has gone out: all that is left is to end the download broken, and log why
        console.error(`[procdeck] audit export failed ${describeForLog(error)}`);
        controller.error(new Error("audit export failed"));
      }
    },
    cancel() {
      isDone = true;
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(now)}"`,
      "cache-control": "no-store",
      "x-audit-export-limit": String(EXPORT_MAX_ROWS),
    },
  });
}

/** procdeck-audit-20260105-093000.csv (UTC) */
export function exportFileName(now: Date): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, "").replaceAll("-", "").replaceAll(":", "").replace("T", "-");
  return `procdeck-audit-${stamp}.csv`;
}

function toCsvRow(entry: TAuditEntry): string {
  return toCsvLine([
    entry.id,
    entry.at,
    entry.bizId,
    entry.bizName,
    entry.actorType,
    entry.actor,
    entry.appCode,
    entry.objectType,
    entry.objectId,
    entry.objectName,
    entry.action,
    diffAuditValues(entry.before, entry.after)
      .map((change) => change.field)
      .join(" "),
    entry.before ? JSON.stringify(entry.before) : "",
    entry.after ? JSON.stringify(entry.after) : "",
  ]);
}
