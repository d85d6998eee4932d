// Who may do what, in one place. A principal (a console user or an API app) holds at most one role
// per business; a grant on ALL_BUSINESSES applies to every business, including ones created later.
// Global administrators (users only) are admins everywhere and also manage users, apps, businesses
// and agents. Every route, page and list filter asks these functions and nothing else.
import { ApiError } from "@/lib/core/errors";
import { text } from "@/lib/core/i18n";

export const ROLES = ["viewer", "operator", "admin"] as const;
export type TRole = (typeof ROLES)[number];

/** A stored role name this version knows (an unknown one grants nothing). */
export function isRole(value: string): value is TRole {
  return (ROLES as readonly string[]).includes(value);
}

/** the bk_biz_id of a grant that covers every business */
export const ALL_BUSINESSES = 0;

/** view: read; operate: read + process operations; edit: processes, bindings and topology */
export type TBizAction = "view" | "operate" | "edit";

const ROLE_RANK: Record<TRole, number> = { viewer: 1, operator: 2, admin: 3 };
const ROLE_NEEDED: Record<TBizAction, TRole> = { view: "viewer", operate: "operator", edit: "admin" };

export type TRoleMap = ReadonlyMap<number, TRole>;

export type TPrincipal =
  | { kind: "user"; id: number; name: string; isGlobalAdmin: boolean; roles: TRoleMap }
  | { kind: "app"; id: number; name: string; roles: TRoleMap };

export function toRoleMap(grants: readonly { bizId: number; role: string }[]): TRoleMap {
  const roles = new Map<number, TRole>();
  for (const grant of grants) {
    if (isRole(grant.role)) roles.set(grant.bizId, grant.role);
  }
  return roles;
}

export function isGlobalAdmin(principal: TPrincipal): boolean {
  return principal.kind === "user" && principal.isGlobalAdmin;
}

/** The principal's effective role in a business: the higher of its own grant and an all-businesses one. */
export function roleIn(principal: TPrincipal, bizId: number): TRole | null {
  if (isGlobalAdmin(principal)) return "admin";
  return higherRole(principal.roles.get(bizId), principal.roles.get(ALL_BUSINESSES));
}

export function can(principal: TPrincipal, action: TBizAction, bizId: number): boolean {
  const role = roleIn(principal, bizId);
  return role !== null && ROLE_RANK[role] >= ROLE_RANK[ROLE_NEEDED[action]];
}

export function assertCan(principal: TPrincipal, action: TBizAction, bizId: number): void {
  if (can(principal, action, bizId)) return;
  const needed = ROLE_NEEDED[action];
  throw new ApiError(
    "FORBIDDEN",
    text(`${describe(principal)} needs the ${needed} role in business ${bizId} to ${action}`, `${describeZh(principal)}需要业务 ${bizId} 的${ROLE_NAMES_ZH[needed]}角色才能${ACTION_NAMES_ZH[action]}`),
  );
}

export function assertGlobalAdmin(principal: TPrincipal): void {
  if (isGlobalAdmin(principal)) return;
  throw new ApiError("FORBIDDEN", text(`${describe(principal)} is not a global administrator`, `${describeZh(principal)}不是全局管理员`));
}

/** The businesses a principal may see: "all" or the ids it holds a role in (sorted). */
export function visibleBusinessIds(principal: TPrincipal): "all" | number[] {
  if (isGlobalAdmin(principal) || principal.roles.has(ALL_BUSINESSES)) return "all";
  return [...principal.roles.keys()].sort((a, b) => a - b);
}

/** What a business page needs to know to show or hide write controls. */
export type TBizAbilities = { role: TRole | null; canOperate: boolean; canEdit: boolean; isGlobalAdmin: boolean };

export function abilitiesIn(principal: TPrincipal, bizId: number): TBizAbilities {
  return { role: roleIn(principal, bizId), canOperate: can(principal, "operate", bizId), canEdit: can(principal, "edit", bizId), isGlobalAdmin: isGlobalAdmin(principal) };
}

function higherRole(a: TRole | undefined, b: TRole | undefined): TRole | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
}

function describe(principal: TPrincipal): string {
  return principal.kind === "user" ? `user '${principal.name}'` : `app '${principal.name}'`;
}

function describeZh(principal: TPrincipal): string {
  return principal.kind === "user" ? `用户 '${principal.name}' ` : `应用 '${principal.name}' `;
}

const ROLE_NAMES_ZH: Record<TRole, string> = { viewer: "查看者", operator: "操作员", admin: "管理员" };
const ACTION_NAMES_ZH: Record<TBizAction, string> = { view: "查看", operate: "执行操作", edit: "修改" };
