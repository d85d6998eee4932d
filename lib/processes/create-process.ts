import "server-only";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import type { TProcessAttributes } from "@/lib/processes/attribute-metadata";
import { assertValidInput, duplicateNameError } from "@/lib/processes/assert-valid-input";
import { toProcessRecord } from "@/lib/processes/process-record";
import { isUniqueViolation } from "@/lib/core/db-errors";
import type { TBusinessRef } from "@/lib/core/business-ref";

export async function createProcess(business: TBusinessRef, input: Record<string, unknown>, actor: TActor) {
  const values = assertValidInput(input, "create", business.id) as TProcessAttributes;
  try {
    return await getDb().$transaction(async (tx) => {
      const row = await tx.process.create({
        data: { ...values, bizId: business.id, supplierAccount: business.supplierAccount },
      });
      await writeAuditEntries(tx, [
        { actor, bizId: business.id, objectType: "process", objectId: row.id, objectName: row.bk_process_name, action: "create", after: toProcessRecord(row) },
      ]);
      return { bk_process_id: row.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNameError(values.bk_process_name, business.id);
    throw error;
  }
}
