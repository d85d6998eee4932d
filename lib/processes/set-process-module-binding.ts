// bind_process_module / delete_process_module_binding. Binding is idempotent; unbinding a name that
// is not bound succeeds. Only a real change writes an audit entry.
import { ApiError } from "@/lib/api/errors";
import { writeAuditEntries, type TActor } from "@/lib/audit/write-audit-entry";
import { getDb } from "@/lib/db";
import { processNotFound } from "@/lib/processes/assert-valid-input";
import type { TBusinessRef } from "@/lib/topology/find-business";
import { text } from "@/lib/i18n";

type TBindingChange = { business: TBusinessRef; processId: number; moduleName: string; actor: TActor };

export async function bindProcessModule({ business, processId, moduleName, actor }: TBindingChange) {
  await getDb().$transaction(async (tx) => {
    const process = await tx.process.findFirst({ where: { id: processId, bizId: business.id }, select: { bk_process_name: true } });
    if (!process) throw processNotFound(processId, business.id);
    const module = await tx.module.findFirst({ where: { bizId: business.id, name: moduleName, defaultFlag: 0 }, select: { id: true } });
    if (!module) {
      throw new ApiError("NOT_FOUND", text(`business ${business.id} has no module named '${moduleName}'`, `业务 ${business.id} 中没有名为 '${moduleName}' 的模块`));
    }
    const { count } = await tx.processModuleBinding.createMany({ data: [{ bizId: business.id, processId, moduleName }], skipDuplicates: true });
    if (count) await writeAuditEntries(tx, [bindingAudit("bind", business, processId, process.bk_process_name, moduleName, actor)]);
  });
}

export async function unbindProcessModule({ business, processId, moduleName, actor }: TBindingChange) {
  await getDb().$transaction(async (tx) => {
    const process = await tx.process.findFirst({ where: { id: processId, bizId: business.id }, select: { bk_process_name: true } });
    if (!process) throw processNotFound(processId, business.id);
    const { count } = await tx.processModuleBinding.deleteMany({ where: { processId, moduleName } });
    if (count) await writeAuditEntries(tx, [bindingAudit("unbind", business, processId, process.bk_process_name, moduleName, actor)]);
  });
}

function bindingAudit(action: "bind" | "unbind", business: TBusinessRef, processId: number, processName: string, moduleName: string, actor: TActor) {
  const state = { bk_module_name: moduleName };
  return {
    actor,
    bizId: business.id,
    objectType: "process",
    objectId: processId,
    objectName: processName,
    action,
    before: action === "unbind" ? state : null,
    after: action === "bind" ? state : null,
  };
}
