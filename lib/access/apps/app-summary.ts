// How an API app is shown to administrators: never its secret or the secret's hash.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import type { TTx } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

export type TAppSummary = {
  id: number;
  code: string;
  description: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  secretRotatedAt: string | null;
  revokedAt: string | null;
  isRevoked: boolean;
};

export const APP_SUMMARY_SELECT = { id: true, code: true, description: true, createdBy: true, createdAt: true, lastUsedAt: true, secretRotatedAt: true, revokedAt: true } as const;

type TAppSummaryRow = { id: number; code: string; description: string; createdBy: string; createdAt: Date; lastUsedAt: Date | null; secretRotatedAt: Date | null; revokedAt: Date | null };

export function toAppSummary(row: TAppSummaryRow): TAppSummary {
  return {
    id: row.id,
    code: row.code,
    description: row.description,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    secretRotatedAt: row.secretRotatedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    isRevoked: row.revokedAt !== null,
  };
}

export function appNotFound(appId: number): ApiError {
  return new ApiError("NOT_FOUND", text(`API app ${appId} does not exist`, `API 应用 ${appId} 不存在`));
}

/** The app row inside a transaction, locked so concurrent changes to it apply one after the other. */
export async function lockApp(tx: TTx, appId: number) {
  const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM api_app WHERE id = ${appId} FOR UPDATE`;
  if (!locked.length) throw appNotFound(appId);
  const app = await tx.apiApp.findUnique({ where: { id: appId }, select: APP_SUMMARY_SELECT });
  if (!app) throw appNotFound(appId);
  return app;
}

export function appRevokedError(code: string): ApiError {
  return new ApiError("FIELD_CHECK_FAILED", text(`API app '${code}' is revoked and cannot be changed; create a new app instead`, `API 应用 '${code}' 已吊销，无法修改；请新建应用`));
}
