// What a batch update would do to each process, without doing it: the same validation and ids check
// as batchUpdateProcesses, then before → after per process (only the values that would change).
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import { assertValidInput } from "@/lib/processes/assert-valid-input";
import { diffAttributes, toProcessRecord } from "@/lib/processes/process-record";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { text } from "@/lib/core/i18n";

export type TBatchPreviewRow = {
  bk_process_id: number;
  bk_process_name: string;
  changes: { field: string; before: unknown; after: unknown }[];
};

export async function previewBatchUpdate(business: TBusinessRef, ids: number[], changes: Record<string, unknown>): Promise<TBatchPreviewRow[]> {
  const values = assertValidInput(changes, "batch", business.id);
  const rows = await getDb().process.findMany({ where: { bizId: business.id, id: { in: ids } }, orderBy: { id: "asc" } });
  const missing = ids.filter((id) => !rows.some((row) => row.id === id));
  if (missing.length) {
    throw new ApiError("FIELD_CHECK_FAILED", text(`bk_process_id ${missing.join(",")} not found in business ${business.id}`, `业务 ${business.id} 中不存在进程 ${missing.join(",")}`));
  }
  return rows.map((row) => {
    const record = toProcessRecord(row);
    const { before, after } = diffAttributes(record, values);
    return {
      bk_process_id: record.bk_process_id,
      bk_process_name: record.bk_process_name,
      changes: Object.keys(after).map((field) => ({ field, before: before[field], after: after[field] })),
    };
  });
}
