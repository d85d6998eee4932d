// What agents did on their own in a business (restarted a dead managed process, failed to, gave up),
// from the audit trail (agent-event-audit.ts), for task history to show between the tasks of a page:
// the events between that page's oldest and newest task (page 1: up to now; a page that is not full:
// back to the beginning). Filters that only tasks have (operation, state, user) show no events.
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/core/db";
import { AGENT_EVENT_OBJECT } from "@/lib/operations/agent-event-audit";

const MAX_EVENTS = 100;

export type TAgentEventEntry = { id: string; at: string; kind: string; processName: string; processId: number | null; ip: string; message: string };

/** The task-history filter's fields that decide which events show (lib/operations/list-tasks.ts's ZTaskFilter). */
export type TAgentEventFilter = { processId?: number; ip?: string; opType?: number; state?: string; user?: string };

export async function listAgentEvents(bizId: number, filter: TAgentEventFilter, window: { from: Date | null; to: Date | null }): Promise<TAgentEventEntry[]> {
  if (filter.opType !== undefined || filter.state || filter.user) return [];
  const where = [Prisma.sql`a.bk_biz_id = ${bizId}`, Prisma.sql`a.object_type = ${AGENT_EVENT_OBJECT}`];
  if (window.from) where.push(Prisma.sql`a.created_at >= ${window.from}`);
  if (window.to) where.push(Prisma.sql`a.created_at <= ${window.to}`);
  if (filter.ip) where.push(Prisma.sql`a.after->>'ip' = ${filter.ip}`);
  if (filter.processId) where.push(Prisma.sql`a.object_name = (SELECT bk_process_name FROM process WHERE bk_process_id = ${filter.processId} AND bk_biz_id = ${bizId})`);
  const rows = await getDb().$queryRaw<{ id: bigint; created_at: Date; action: string; object_name: string; after: Record<string, unknown> | null }[]>`
    SELECT a.id, a.created_at, a.action, a.object_name, a.after FROM audit_entry a
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY a.created_at DESC, a.id DESC LIMIT ${MAX_EVENTS}`;
  return rows.map((row) => ({
    id: row.id.toString(),
    at: row.created_at.toISOString(),
    kind: row.action,
    processName: row.object_name,
    processId: typeof row.after?.process_id === "number" ? row.after.process_id : null,
    ip: typeof row.after?.ip === "string" ? row.after.ip : "",
    message: typeof row.after?.message === "string" ? row.after.message : "",
  }));
}
