// Audit rows are written with the transaction client of the change they describe, so a change
// without its audit row (or the reverse) can never be committed. Secret-looking fields are scrubbed
// here whatever the caller passed (lib/core/scrub-secrets.ts).
import "server-only";
import type { TSqlTx, TTx } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { scrubSecrets } from "@/lib/core/scrub-secrets";

export type TActor = { type: "user" | "app" | "system"; name: string; appCode?: string };

export type TAuditInput = {
  actor: TActor;
  bizId: number | null;
  objectType: string;
  objectId: string | number;
  objectName?: string;
  action: string;
  /** plain JSON-safe objects: the changed attributes, or the whole record on create/delete */
  before?: object | null;
  after?: object | null;
};

export function toAuditRow(input: TAuditInput): Prisma.AuditEntryCreateManyInput {
  return {
    bizId: input.bizId,
    actorType: input.actor.type,
    actor: input.actor.name,
    appCode: input.actor.appCode ?? null,
    objectType: input.objectType,
    objectId: String(input.objectId),
    objectName: input.objectName ?? "",
    action: input.action,
    before: (input.before ? scrubSecrets(input.before) : undefined) as Prisma.InputJsonValue | undefined,
    after: (input.after ? scrubSecrets(input.after) : undefined) as Prisma.InputJsonValue | undefined,
  };
}

export async function writeAuditEntries(tx: TTx, inputs: TAuditInput[]): Promise<void> {
  if (inputs.length) await tx.auditEntry.createMany({ data: inputs.map(toAuditRow) });
}

/** The same rows in a transaction on the pool (runInSqlTransaction), in one statement. */
export async function writeAuditEntriesSql(tx: TSqlTx, inputs: TAuditInput[]): Promise<void> {
  if (!inputs.length) return;
  await tx.query(
    `INSERT INTO audit_entry (bk_biz_id, actor_type, actor, app_code, object_type, object_id, object_name, action, before, after)
     SELECT x."bizId", x."actorType", x.actor, x."appCode", x."objectType", x."objectId", x."objectName", x.action, x.before, x.after
     FROM jsonb_to_recordset($1::jsonb) AS x("bizId" int, "actorType" text, actor text, "appCode" text, "objectType" text, "objectId" text, "objectName" text, action text, before jsonb, after jsonb)`,
    [JSON.stringify(inputs.map(toAuditRow))],
  );
}
