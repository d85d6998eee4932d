import { PROCESS_ATTRIBUTES, type TProcessAttributes, type TProcessRecord } from "@/lib/processes/attribute-metadata";
import type { Process } from "@/lib/generated/prisma/client";

export const EDITABLE_ATTRIBUTE_IDS = PROCESS_ATTRIBUTES.filter((a) => a.isEditable).map((a) => a.id as keyof TProcessAttributes);

export function toProcessRecord(row: Process): TProcessRecord {
  const record: Record<string, unknown> = { bk_process_id: row.id, bk_biz_id: row.bizId, bk_supplier_account: row.supplierAccount };
  for (const id of EDITABLE_ATTRIBUTE_IDS) record[id] = row[id];
  return record as TProcessRecord;
}

/** The attributes `next` changes relative to `current`: { before, after } hold only those, for audit and no-op detection. */
export function diffAttributes(current: TProcessRecord, next: Partial<TProcessAttributes>) {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) {
    const old = current[key as keyof TProcessRecord];
    if (old !== value) {
      before[key] = old;
      after[key] = value;
    }
  }
  return { before, after, hasChanges: Object.keys(after).length > 0 };
}
