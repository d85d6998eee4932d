// The business of a role grant: a business id, or 0 for "every business" (ALL_BUSINESSES). Shared by
// user and app grants.
import "server-only";
import { ALL_BUSINESSES, type TRole } from "@/lib/access/permissions";
import { ZRole } from "@/lib/access/role-schema";
import { ApiError } from "@/lib/core/errors";
import type { TTx } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

export type TGrantView = {
  bizId: number;
  /** null for the all-businesses grant */
  bizName: string | null;
  role: TRole;
  grantedBy: string;
  createdAt: string;
};

/** A grant's business from the path: 0 (every business) or a positive id. */
export function parseGrantBizId(raw: string | undefined): number {
  if (raw === "0") return ALL_BUSINESSES;
  if (raw === undefined || !/^[1-9]\d{0,9}$/.test(raw) || Number(raw) > 2147483647) {
    throw new ApiError("BAD_PATH_PARAM", text(`bk_biz_id must be 0 (every business) or a business id, got '${raw ?? ""}'`, `bk_biz_id 必须为 0（全部业务）或业务 ID，实际为 '${raw ?? ""}'`));
  }
  return Number(raw);
}

/** The business's name (null for every business), or NOT_FOUND for an unknown business. */
export async function readGrantBusinessName(tx: TTx, bizId: number): Promise<string | null> {
  if (bizId === ALL_BUSINESSES) return null;
  const business = await tx.business.findUnique({ where: { id: bizId }, select: { name: true } });
  if (!business) throw new ApiError("NOT_FOUND", text(`business ${bizId} does not exist`, `业务 ${bizId} 不存在`));
  return business.name;
}

/** "business 2" / "every business (bizId 0)", for messages. */
export function describeScope(bizId: number): string {
  return bizId === 0 ? "every business (bizId 0)" : `business ${bizId}`;
}

export function describeScopeZh(bizId: number): string {
  return bizId === 0 ? "全部业务（bizId 0）" : `业务 ${bizId} 中`;
}

/** The audit trail files a grant under its business; an all-businesses grant under none. */
export function auditBizIdOf(bizId: number): number | null {
  return bizId === ALL_BUSINESSES ? null : bizId;
}

type TGrantRow = { bizId: number; role: string; grantedBy: string; createdAt: Date };

/** The names of the businesses these grants name (the all-businesses grant has none). */
export async function loadBusinessNames(tx: TTx, grants: readonly { bizId: number }[]): Promise<Map<number, string>> {
  const ids = [...new Set(grants.map((grant) => grant.bizId).filter((id) => id !== ALL_BUSINESSES))];
  if (!ids.length) return new Map();
  const rows = await tx.business.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Grants as shown: every-business first, then by business id; an unknown role string is left out. */
export function toGrantViewsWith(names: ReadonlyMap<number, string>, grants: readonly TGrantRow[]): TGrantView[] {
  return grants
    .filter((grant) => ZRole.safeParse(grant.role).success)
    .map((grant) => ({ bizId: grant.bizId, bizName: grant.bizId === ALL_BUSINESSES ? null : (names.get(grant.bizId) ?? null), role: grant.role as TRole, grantedBy: grant.grantedBy, createdAt: grant.createdAt.toISOString() }))
    .sort((a, b) => a.bizId - b.bizId);
}

export async function toGrantViews(tx: TTx, grants: readonly TGrantRow[]): Promise<TGrantView[]> {
  return toGrantViewsWith(await loadBusinessNames(tx, grants), grants);
}
