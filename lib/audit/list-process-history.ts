// The audit trail of one process, newest first: who (user or app), what (create, update, bind, …),
// and the attributes before → after; and what agents did to it on their own (a dead instance restarted,
// lib/operations/agent-event-audit.ts), which is recorded per instance under the process's name.
import "server-only";
import { getDb } from "@/lib/core/db";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { AGENT_EVENT_OBJECT } from "@/lib/operations/agent-event-audit";

export type TAuditHistoryEntry = {
  id: string;
  at: string;
  actorType: string;
  actor: string;
  appCode: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export async function listProcessHistory(business: TBusinessRef, processId: number, limit = 100): Promise<TAuditHistoryEntry[]> {
  const process = await getDb().process.findFirst({ where: { id: processId, bizId: business.id }, select: { bk_process_name: true } });
  const agentEvents = process ? [{ objectType: AGENT_EVENT_OBJECT, bizId: business.id, objectName: process.bk_process_name }] : [];
  const rows = await getDb().auditEntry.findMany({
    where: { OR: [{ objectType: "process", objectId: String(processId), bizId: business.id }, ...agentEvents] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    at: row.createdAt.toISOString(),
    actorType: row.actorType,
    actor: row.actor,
    appCode: row.appCode,
    action: row.action,
    before: asObject(row.before),
    after: asObject(row.after),
  }));
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
