// A new API app. Its secret is generated here, returned this once, and stored only as a salted hash
// (lib/access/secret-hash.ts). It starts with no role: it authenticates but may do nothing until an
// administrator grants it a role in a business.
import "server-only";
import type { TCreateApp } from "@/lib/access/apps/app-input";
import { APP_SUMMARY_SELECT, toAppSummary, type TAppSummary } from "@/lib/access/apps/app-summary";
import { forgetVerifiedApps } from "@/lib/access/authenticate-app";
import { generateSecret, hashToken } from "@/lib/access/secret-hash";
import { ApiError } from "@/lib/core/errors";
import { writeAuditEntries, type TActor } from "@/lib/core/write-audit-entry";
import { getDb } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";
import { isUniqueViolation } from "@/lib/core/db-errors";

export type TCreatedApp = { app: TAppSummary; secret: string };

export async function createApp(input: TCreateApp, actor: TActor): Promise<TCreatedApp> {
  const secret = generateSecret(24);
  try {
    const app = await getDb().$transaction(async (tx) => {
      if (await tx.apiApp.findUnique({ where: { code: input.code }, select: { id: true } })) throw duplicateCode(input.code);
      const row = await tx.apiApp.create({ data: { code: input.code, description: input.description, createdBy: actor.name, secretHash: hashToken(secret) }, select: APP_SUMMARY_SELECT });
      await writeAuditEntries(tx, [{ actor, bizId: null, objectType: "app", objectId: row.id, objectName: row.code, action: "create", after: { code: row.code, description: row.description } }]);
      return row;
    });
    forgetVerifiedApps();
    return { app: toAppSummary(app), secret };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateCode(input.code);
    throw error;
  }
}

function duplicateCode(code: string): ApiError {
  const reason = text(`app code '${code}' is already taken`, `应用编码 '${code}' 已被使用`);
  return new ApiError("DUPLICATE", reason, [{ field: "code", reason }]);
}
