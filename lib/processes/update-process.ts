import "server-only";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { assertValidInput, duplicateNameError, processNotFound } from "@/lib/processes/assert-valid-input";
import { diffAttributes, toProcessRecord } from "@/lib/processes/process-record";
import { isUniqueViolation } from "@/lib/core/db-errors";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { text } from "@/lib/core/i18n";

type TUpdateOptions = {
  /** the console's optimistic concurrency: refuse when the row moved past this revision */
  expectedRevision?: number;
};

export async function updateProcess(business: TBusinessRef, processId: number, input: Record<string, unknown>, actor: TActor, options: TUpdateOptions = {}) {
  const values = assertValidInput(input, "update", business.id);
  try {
    return await getDb().$transaction(async (tx) => {
      // FOR UPDATE: a concurrent writer waits, so the revision check and the audit "before" are exact
      const locked = await tx.$queryRaw<{ revision: number }[]>`SELECT revision FROM process WHERE bk_process_id = ${processId} AND bk_biz_id = ${business.id} FOR UPDATE`;
      if (!locked.length) throw processNotFound(processId, business.id);
      if (options.expectedRevision !== undefined && locked[0].revision !== options.expectedRevision) {
        throw new ApiError("EDIT_CONFLICT", text("reload the process to see the other change, then edit again", "请重新加载查看他人的修改后再编辑"));
      }
      const current = toProcessRecord(await tx.process.findUniqueOrThrow({ where: { id: processId } }));
      const { before, after, hasChanges } = diffAttributes(current, values);
      if (!hasChanges) return { revision: locked[0].revision };

      const row = await tx.process.update({ where: { id: processId }, data: { ...values, revision: { increment: 1 } } });
      await writeAuditEntries(tx, [
        { actor, bizId: business.id, objectType: "process", objectId: processId, objectName: row.bk_process_name, action: "update", before, after },
      ]);
      return { revision: row.revision };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNameError(values.bk_process_name, business.id);
    throw error;
  }
}
