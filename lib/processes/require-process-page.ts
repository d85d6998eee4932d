// For pages under /biz/[bizId]/processes/[processId]: the process id when it exists, else not-found.
import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/core/db";
import type { TBusinessRef } from "@/lib/core/business-ref";

export async function requireProcessPage(business: TBusinessRef, rawProcessId: string): Promise<number> {
  const processId = /^[1-9]\d{0,9}$/.test(rawProcessId) ? Number(rawProcessId) : NaN;
  if (!Number.isSafeInteger(processId) || processId > 2147483647) notFound();
  const row = await getDb().process.findFirst({ where: { id: processId, bizId: business.id }, select: { id: true } });
  if (!row) notFound();
  return processId;
}
