// The console's process list: one page of searchProcesses (name or function name, any case; module
// filter; sort, ports and bind IP in the order people read them) with the visible columns, plus the
// bound module names of just that page's processes.
import "server-only";
import { getDb } from "@/lib/core/db";
import { MODULES_COLUMN, type TProcessListView } from "@/lib/processes/process-list-view";
import { searchProcesses } from "@/lib/processes/search-processes";
import type { TBusinessRef } from "@/lib/core/business-ref";
import type { TLang } from "@/lib/core/i18n";
import { listOrderSql } from "@/lib/processes/console-list-order";

export type TProcessListRow = Record<string, unknown> & { bk_process_id: number; bk_process_name: string; modules?: string[] };
export type TProcessListPage = { count: number; rows: TProcessListRow[] };

/** `processIds`: only these (the live-state filter, lib/operations/process-live-state.ts, found them). */
export async function browseProcesses(business: TBusinessRef, view: Omit<TProcessListView, "cols" | "state"> & { cols: string[] }, lang: TLang = "en", processIds?: number[]): Promise<TProcessListPage> {
  if (processIds && !processIds.length) return { count: 0, rows: [] };
  const condition: Record<string, unknown> = {};
  if (processIds) condition.bk_process_id = { $in: processIds };
  if (view.module) condition.bk_module_name = view.module;
  const fields = [...new Set(["bk_process_id", "bk_process_name", ...view.cols.filter((col) => col !== MODULES_COLUMN)])];

  const { count, info } = await searchProcesses(business, {
    page: { start: (view.page - 1) * view.size, limit: view.size, sort: view.sort },
    fields,
    condition,
  }, { anyName: view.q, sortTerms: listOrderSql(lang) });
  const rows = info as TProcessListRow[];
  if (!view.cols.includes(MODULES_COLUMN) || !rows.length) return { count, rows };

  const bindings = await getDb().processModuleBinding.findMany({
    where: { bizId: business.id, processId: { in: rows.map((row) => row.bk_process_id) } },
    select: { processId: true, moduleName: true },
    orderBy: { moduleName: "asc" },
  });
  const modulesById = new Map<number, string[]>();
  for (const binding of bindings) modulesById.set(binding.processId, [...(modulesById.get(binding.processId) ?? []), binding.moduleName]);
  return { count, rows: rows.map((row) => ({ ...row, modules: modulesById.get(row.bk_process_id) ?? [] })) };
}
