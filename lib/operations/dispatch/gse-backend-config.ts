// An administrator chooses, per business, who carries out its operations: Procdeck's agents (no
// row, the default) or an existing GSE (a gse_backend row). The app secret is sealed before it is
// stored (seal-secret.ts) and never answered; an update without a new secret keeps the stored one.
// Every change is audited in its own transaction. Tasks created before a change keep their backend:
// queued ones of a business switched back to Procdeck end with a clear message (gse-collector.ts).
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/core/db";
import { readSecretKey } from "@/lib/core/env";
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";
import type { TBusinessRef } from "@/lib/core/business-ref";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { isSealed, sealSecret } from "@/lib/operations/dispatch/seal-secret";

const ZGatewayUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, "must be an http:// or https:// URL without credentials, query or fragment (the GSE component prefix, …/api/c/compapi/v2/gse/)");

export const ZSetDispatchBackend = z.discriminatedUnion("backend", [
  z.strictObject({ backend: z.literal("procdeck") }),
  z.strictObject({
    backend: z.literal("gse"),
    gatewayUrl: ZGatewayUrl,
    appCode: z.string().trim().min(1).max(64),
    /** omitted: keep the stored one */
    appSecret: z.string().min(1).max(500).optional(),
    username: z.string().trim().min(1).max(64),
  }),
]);
export type TSetDispatchBackend = z.infer<typeof ZSetDispatchBackend>;

export type TDispatchBackendView =
  | { bizId: number; backend: "procdeck" }
  | { bizId: number; backend: "gse"; gatewayUrl: string; appCode: string; username: string; isSecretSealed: boolean; updatedBy: string; updatedAt: string };

type TStored = { gatewayUrl: string; appCode: string; appSecret: string; username: string; updatedBy: string; updatedAt: Date };

function viewOf(bizId: number, stored: TStored | null): TDispatchBackendView {
  if (!stored) return { bizId, backend: "procdeck" };
  return { bizId, backend: "gse", gatewayUrl: stored.gatewayUrl, appCode: stored.appCode, username: stored.username, isSecretSealed: isSealed(stored.appSecret), updatedBy: stored.updatedBy, updatedAt: stored.updatedAt.toISOString() };
}

/** What the audit trail keeps of a configuration: everything but the secret. */
function auditedOf(stored: TStored | null) {
  return stored ? { backend: "gse", gateway_url: stored.gatewayUrl, bk_app_code: stored.appCode, bk_username: stored.username } : { backend: "procdeck" };
}

export async function getDispatchBackend(business: TBusinessRef): Promise<TDispatchBackendView> {
  return viewOf(business.id, await getDb().gseBackend.findUnique({ where: { bizId: business.id } }));
}

export async function setDispatchBackend(business: TBusinessRef, input: TSetDispatchBackend, actor: TActor): Promise<TDispatchBackendView> {
  return getDb().$transaction(async (tx) => {
    const before = await tx.gseBackend.findUnique({ where: { bizId: business.id } });
    let after: TStored | null = null;
    if (input.backend === "gse") {
      if (!input.appSecret && !before) throw new ApiError("OUT_OF_RANGE", text("body.appSecret is required: no secret is stored for this business yet", "缺少 body.appSecret：该业务尚未保存密钥"));
      const data = {
        gatewayUrl: input.gatewayUrl,
        appCode: input.appCode,
        username: input.username,
        appSecret: input.appSecret ? sealSecret(input.appSecret, readSecretKey()) : before!.appSecret,
        updatedBy: actor.name,
      };
      after = await tx.gseBackend.upsert({ where: { bizId: business.id }, create: { bizId: business.id, ...data }, update: data });
    } else if (before) {
      await tx.gseBackend.delete({ where: { bizId: business.id } });
    }
    const isNewSecret = input.backend === "gse" && input.appSecret !== undefined;
    const isChanged = isNewSecret || JSON.stringify(auditedOf(before)) !== JSON.stringify(auditedOf(after));
    if (isChanged) {
      await writeAuditEntries(tx, [
        {
          actor,
          bizId: business.id,
          objectType: "business",
          objectId: business.id,
          objectName: business.name,
          action: after ? "set_dispatch" : "clear_dispatch",
          before: auditedOf(before),
          after: { ...auditedOf(after), ...(isNewSecret && { new_app_credentials: true }) },
        },
      ]);
    }
    return viewOf(business.id, after);
  });
}
