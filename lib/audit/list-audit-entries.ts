// The audit trail page: every change and operation the caller may see, filtered, newest first,
// one page at a time by id (keyset paging: stable while new entries arrive, cheap at any depth).
import "server-only";
import type { TPrincipal } from "@/lib/access/permissions";
import type { TAuditFilter } from "@/lib/audit/audit-filter";
import { toAuditWhere } from "@/lib/audit/audit-visibility";
import { scrubSecrets } from "@/lib/core/scrub-secrets";
import { getDb } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type TAuditEntry = {
  id: string;
  at: string;
  bizId: number | null;
  /** "" when the business no longer exists */
  bizName: string;
  /** user (console), app (API), system (agents, start-up) */
  actorType: string;
  /** the console user, or the operator an API call named */
  actor: string;
  appCode: string | null;
  objectType: string;
  objectId: string;
  objectName: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

export type TAuditPage = {
  entries: TAuditEntry[];
  /** pass as `cursor` for the next (older) page; null: this was the last */
  nextCursor: string | null;
};

export async function listAuditEntries(principal: TPrincipal, filter: TAuditFilter): Promise<TAuditPage> {
  const where = toAuditWhere(principal, filter);
  const entries = await readAuditBatch(where, filter.cursor ?? null, filter.limit + 1);
  const hasMore = entries.length > filter.limit;
  const page = hasMore ? entries.slice(0, filter.limit) : entries;
  return { entries: page, nextCursor: hasMore ? page[page.length - 1].id : null };
}

/** Up to `take` entries matching `where` older than `cursor` (an id), newest first, with business names. */
export async function readAuditBatch(where: Prisma.AuditEntryWhereInput, cursor: string | null, take: number): Promise<TAuditEntry[]> {
  const rows = await getDb().auditEntry.findMany({
    where: cursor ? { AND: [where, { id: { lt: BigInt(cursor) } }] } : where,
    orderBy: { id: "desc" },
    take,
  });
  const bizIds = [...new Set(rows.flatMap((row) => (row.bizId === null ? [] : [row.bizId])))];
  const businesses = bizIds.length ? await getDb().business.findMany({ where: { id: { in: bizIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(businesses.map((business) => [business.id, business.name]));
  return rows.map((row) => ({
    id: row.id.toString(),
    at: row.createdAt.toISOString(),
    bizId: row.bizId,
    bizName: row.bizId === null ? "" : (names.get(row.bizId) ?? ""),
    actorType: row.actorType,
    actor: row.actor,
    appCode: row.appCode,
    objectType: row.objectType,
    objectId: row.objectId,
    objectName: row.objectName,
    action: row.action,
    // scrubbed again on the way out: rows written before the writer scrubbed must not leak either
    before: asObject(scrubSecrets(row.before)),
    after: asObject(scrubSecrets(row.after)),
  }));
}

function asObject(value: unknown): Record<string, unknown> | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
