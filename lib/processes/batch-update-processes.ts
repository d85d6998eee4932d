// batch_update_process: all or nothing, unlike BlueKing's, which stops half way.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor, type TAuditInput } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { assertValidInput } from "@/lib/processes/assert-valid-input";
import { diffAttributes, toProcessRecord } from "@/lib/processes/process-record";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { text } from "@/lib/core/i18n";

const MAX_BATCH = 1000;

export async function batchUpdateProcesses(business: TBusinessRef, input: Record<string, unknown>, actor: TActor) {
  const { bk_process_id: rawIds, ...attributes } = input;
  const ids = parseIdList(rawIds);
  const values = assertValidInput(attributes, "batch", business.id);

  await getDb().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ bk_process_id: number }[]>`
      SELECT bk_process_id FROM process WHERE bk_biz_id = ${business.id} AND bk_process_id = ANY(${ids}::int[])
      ORDER BY bk_process_id FOR UPDATE`;
    const found = new Set(rows.map((row) => row.bk_process_id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) {
      throw new ApiError("FIELD_CHECK_FAILED", text(`bk_process_id ${missing.join(",")} not found in business ${business.id}; nothing was changed`, `业务 ${business.id} 中不存在进程 ${missing.join(",")}，未做任何修改`));
    }

    const current = (await tx.process.findMany({ where: { id: { in: ids } } })).map(toProcessRecord);
    const audits: TAuditInput[] = [];
    const changedIds: number[] = [];
    for (const record of current) {
      const { before, after, hasChanges } = diffAttributes(record, values);
      if (!hasChanges) continue;
      changedIds.push(record.bk_process_id);
      audits.push({ actor, bizId: business.id, objectType: "process", objectId: record.bk_process_id, objectName: record.bk_process_name, action: "update", before, after });
    }
    if (!changedIds.length) return;
    await tx.process.updateMany({ where: { id: { in: changedIds } }, data: { ...values, revision: { increment: 1 } } });
    await writeAuditEntries(tx, audits);
  });
}

function parseIdList(raw: unknown): number[] {
  const value = typeof raw === "number" ? String(raw) : raw;
  if (typeof value !== "string" || value.trim() === "") {
    throw new ApiError("FIELD_CHECK_FAILED", text(`bk_process_id is required: ids joined by ',' such as "44,45"`, `bk_process_id 为必填项：以逗号分隔的进程 ID，如 "44,45"`));
  }
  const parts = value.split(",").map((part) => part.trim());
  const bad = parts.filter((part) => !/^[1-9]\d{0,9}$/.test(part));
  if (bad.length) {
    throw new ApiError("BAD_PATH_PARAM", text(`bk_process_id has non-integer ids: ${bad.map((b) => `'${b}'`).join(", ")}`, `bk_process_id 中有非整数 ID：${bad.map((b) => `'${b}'`).join(", ")}`));
  }
  const ids = [...new Set(parts.map(Number))];
  if (ids.length > MAX_BATCH) {
    throw new ApiError("OUT_OF_RANGE", text(`at most ${MAX_BATCH} processes per batch`, `每批最多 ${MAX_BATCH} 个进程`));
  }
  return ids;
}
