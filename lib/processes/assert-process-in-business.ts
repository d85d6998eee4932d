// For routes that read something about a process by its path id (history, operation hosts): a process
// of another business, asked through this business's URL, is 1199019 like one that does not exist.
import "server-only";
import { getDb } from "@/lib/core/db";
import { processNotFound } from "@/lib/processes/assert-valid-input";
import type { TBusinessRef } from "@/lib/core/business-ref";

export async function assertProcessInBusiness(business: TBusinessRef, processId: number): Promise<number> {
  const row = await getDb().process.findFirst({ where: { id: processId, bizId: business.id }, select: { id: true } });
  if (!row) throw processNotFound(processId, business.id);
  return processId;
}
