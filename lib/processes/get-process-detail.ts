import "server-only";
import { getDb } from "@/lib/core/db";
import { PROCESS_ATTRIBUTES } from "@/lib/processes/attribute-metadata";
import { processNotFound } from "@/lib/processes/assert-valid-input";
import { toProcessRecord } from "@/lib/processes/process-record";
import type { TBusinessRef } from "@/lib/core/business-ref";
import type { TLang } from "@/lib/core/i18n";

export async function getProcessRecord(business: TBusinessRef, processId: number) {
  const row = await getDb().process.findFirst({ where: { id: processId, bizId: business.id } });
  if (!row) throw processNotFound(processId, business.id);
  return { record: toProcessRecord(row), revision: row.revision, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** get_process_detail: every attribute in metadata order, named in the request language. */
export async function getProcessDetail(business: TBusinessRef, processId: number, lang: TLang) {
  const { record } = await getProcessRecord(business, processId);
  return PROCESS_ATTRIBUTES.map((attribute) => ({
    bk_property_id: attribute.id,
    bk_property_name: attribute.name[lang],
    bk_property_value: record[attribute.id as keyof typeof record] ?? null,
  }));
}
