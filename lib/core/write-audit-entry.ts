// Audit rows are written with the transaction client of the change they describe, so a change
// without its audit row (or the reverse) can never be committed. Secret-looking fields are scrubbed
// here whatever the caller passed (lib/core/scrub-secrets.ts).
import "server-only";
import type { TTx } from "@/lib/core/db";
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
