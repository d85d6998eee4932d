import "server-only";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { processNotFound } from "@/lib/processes/assert-valid-input";
import { toProcessRecord } from "@/lib/processes/process-record";
import { isForeignKeyViolation } from "@/lib/core/db-errors";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { text } from "@/lib/core/i18n";

export async function deleteProcess(business: TBusinessRef, processId: number, actor: TActor) {
  try {
    await getDb().$transaction(async (tx) => {
      const row = await tx.process.findFirst({ where: { id: processId, bizId: business.id }, include: { bindings: { select: { moduleName: true } } } });
      if (!row) throw processNotFound(processId, business.id);
      if (row.bindings.length) throw boundError(row.bindings.map((b) => b.moduleName));
      const { bindings: _bindings, ...process } = row;
      await tx.process.delete({ where: { id: processId } });
      await writeAuditEntries(tx, [
        { actor, bizId: business.id, objectType: "process", objectId: processId, objectName: row.bk_process_name, action: "delete", before: toProcessRecord(process) },
      ]);
    });
  } catch (error) {
    // a binding added between our check and the delete trips the foreign key instead
    if (isForeignKeyViolation(error)) throw boundError([]);
    throw error;
  }
}

function boundError(moduleNames: string[]) {
  const names = moduleNames.join(", ");
  return new ApiError(
    "PROCESS_BOUND",
    names
      ? text(`unbind it from module ${names} first`, `请先解除与模块 ${names} 的绑定`)
      : text("unbind it from its modules first", "请先解除模块绑定"),
  );
}
