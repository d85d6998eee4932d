// bind_process_module / delete_process_module_binding. Binding is idempotent; unbinding a name that
// is not bound succeeds. Only a real change writes an audit entry.
//
// bk-cmdb 3.x's UI sends the module name with its first space removed (module.vue:
// `item['bk_module_name'].replace(' ', '')`), so "web server" arrives as "webserver". An exact name
// always wins; otherwise the one module name that reads so without its first space is meant.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb, type TTx } from "@/lib/core/db";
import { processNotFound } from "@/lib/processes/assert-valid-input";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { text } from "@/lib/core/i18n";

type TBindingChange = { business: TBusinessRef; processId: number; moduleName: string; actor: TActor };

export async function bindProcessModule({ business, processId, moduleName: requestedName, actor }: TBindingChange) {
  await getDb().$transaction(async (tx) => {
    const process = await tx.process.findFirst({ where: { id: processId, bizId: business.id }, select: { bk_process_name: true } });
    if (!process) throw processNotFound(processId, business.id);
    const exact = await tx.module.findFirst({ where: { bizId: business.id, name: requestedName, defaultFlag: 0 }, select: { id: true } });
    const moduleName = exact ? requestedName : await findSpaceStrippedName(tx, business, requestedName);
    const { count } = await tx.processModuleBinding.createMany({ data: [{ bizId: business.id, processId, moduleName }], skipDuplicates: true });
    if (count) await writeAuditEntries(tx, [bindingAudit("bind", business, processId, process.bk_process_name, moduleName, actor)]);
  });
}

export async function unbindProcessModule({ business, processId, moduleName: requestedName, actor }: TBindingChange) {
  await getDb().$transaction(async (tx) => {
    const process = await tx.process.findFirst({ where: { id: processId, bizId: business.id }, select: { bk_process_name: true } });
    if (!process) throw processNotFound(processId, business.id);
    let { count } = await tx.processModuleBinding.deleteMany({ where: { processId, moduleName: requestedName } });
    let moduleName = requestedName;
    if (!count) {
      // the UI's space-stripped name of a bound module (see the top of this file)
      const bound = await tx.$queryRaw<{ bk_module_name: string }[]>`
        SELECT bk_module_name FROM process_module_binding WHERE bk_process_id = ${processId} AND regexp_replace(bk_module_name, ' ', '') = ${requestedName}`;
      if (bound.length === 1) {
        moduleName = bound[0].bk_module_name;
        ({ count } = await tx.processModuleBinding.deleteMany({ where: { processId, moduleName } }));
      }
    }
    if (count) await writeAuditEntries(tx, [bindingAudit("unbind", business, processId, process.bk_process_name, moduleName, actor)]);
  });
}

/** The module name that, without its first space, reads `requested`; refused when there is none or several. */
async function findSpaceStrippedName(tx: TTx, business: TBusinessRef, requested: string): Promise<string> {
  // regexp_replace without the g flag replaces the first match only, like JavaScript's String.replace
  const rows = await tx.$queryRaw<{ bk_module_name: string }[]>`
    SELECT DISTINCT bk_module_name FROM module WHERE bk_biz_id = ${business.id} AND "default" = 0 AND regexp_replace(bk_module_name, ' ', '') = ${requested}`;
  if (rows.length === 1) return rows[0].bk_module_name;
  const candidates = rows.map((row) => `'${row.bk_module_name}'`).join(", ");
  if (rows.length > 1) {
    throw new ApiError("NOT_FOUND", text(`business ${business.id} has no module named '${requested}', and several read so without a space: ${candidates}`, `业务 ${business.id} 中没有名为 '${requested}' 的模块，去掉空格后有多个同名：${candidates}`));
  }
  throw new ApiError("NOT_FOUND", text(`business ${business.id} has no module named '${requested}'`, `业务 ${business.id} 中没有名为 '${requested}' 的模块`));
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
