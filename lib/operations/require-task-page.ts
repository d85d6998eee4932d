// For pages under /biz/[bizId]/tasks/[taskId]: the task id (decoded) when the task belongs to the
// business, else Next's not-found page.
import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/lib/core/db";
import { parseTaskIdParam } from "@/lib/core/parse-path";
import type { TBusinessRef } from "@/lib/core/business-ref";

export async function requireTaskPage(business: TBusinessRef, rawTaskId: string): Promise<string> {
  let taskId: string;
  try {
    taskId = parseTaskIdParam(rawTaskId);
  } catch {
    notFound();
  }
  const row = await getDb().task.findFirst({ where: { id: taskId, bizId: business.id }, select: { id: true } });
  if (!row) notFound();
  return taskId;
}
