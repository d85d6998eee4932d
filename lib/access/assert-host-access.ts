// Who may act on hosts through the operation APIs. A host's business is the business of its modules,
// and the caller needs the role in each of them. A host the topology does not know needs nothing: no
// agent can answer for it, its row ends 117. A known host in no module (an agent enrolled for an IP the
// topology has not placed) belongs to no business, so only a grant on every business reaches it.
import { ApiError } from "@/lib/core/errors";
import { ALL_BUSINESSES, can, type TBizAction, type TPrincipal } from "@/lib/access/permissions";
import { hostKeyOf, loadHostBusinesses, type THostRef } from "@/lib/access/load-host-businesses";
import { text } from "@/lib/core/i18n";

type THostAccessOptions = {
  /** JOB's bk_biz_id: every known host must be in this business */
  withinBizId?: number;
};

/**
 * Refuses (403 naming the first host and business at fault) unless the principal may `action` on
 * every known host. Returns the one business all known hosts are in, or null (none known, several
 * businesses, or a host in no business): the task's business.
 */
export async function assertCanOnHosts(principal: TPrincipal, action: TBizAction, hosts: readonly THostRef[], options: THostAccessOptions = {}): Promise<number | null> {
  const businesses = await loadHostBusinesses(hosts);
  const seen = new Set<string>();
  for (const host of hosts) {
    const key = hostKeyOf(host);
    const bizIds = businesses.get(key);
    if (!bizIds || seen.has(key)) continue;
    seen.add(key);
    if (options.withinBizId !== undefined && !bizIds.includes(options.withinBizId)) throw outsideBusiness(key, options.withinBizId, bizIds.filter((bizId) => can(principal, "view", bizId)));
    for (const bizId of bizIds.length ? bizIds : [ALL_BUSINESSES]) {
      if (!can(principal, action, bizId)) throw missingRole(principal, action, bizId, key);
    }
  }
  return theOneBusiness([...businesses.values()]);
}

function theOneBusiness(bizIdsPerHost: number[][]): number | null {
  const first = bizIdsPerHost[0];
  if (!first || first.length !== 1) return null;
  return bizIdsPerHost.every((bizIds) => bizIds.length === 1 && bizIds[0] === first[0]) ? first[0] : null;
}

/** `visibleBizIds`: only the host's businesses the caller may see are named; the others stay "another business". */
function outsideBusiness(hostKey: string, bizId: number, visibleBizIds: number[]) {
  const where = visibleBizIds.length ? `business ${visibleBizIds.join(", ")}` : "another business or none";
  const whereZh = visibleBizIds.length ? `业务 ${visibleBizIds.join(", ")}` : "其他业务或不属于任何业务";
  return new ApiError(
    "FORBIDDEN",
    text(`host ${hostKey} is not in business ${bizId} (bk_biz_id) but in ${where}; nothing was queued`, `主机 ${hostKey} 不属于业务 ${bizId}（bk_biz_id），而属于${whereZh}；未创建任务`),
  );
}

const ROLE_FOR: Record<TBizAction, { en: string; zh: string }> = {
  view: { en: "viewer", zh: "查看者" },
  operate: { en: "operator", zh: "操作员" },
  edit: { en: "admin", zh: "管理员" },
};
const VERB_FOR: Record<TBizAction, { en: string; zh: string }> = {
  view: { en: "read the status of", zh: "查看" },
  operate: { en: "operate", zh: "操作" },
  edit: { en: "change", zh: "修改" },
};

function missingRole(principal: TPrincipal, action: TBizAction, bizId: number, hostKey: string) {
  const who = `${principal.kind} '${principal.name}'`;
  const whoZh = `${principal.kind === "app" ? "应用" : "用户"} '${principal.name}' `;
  const role = ROLE_FOR[action];
  const verb = VERB_FOR[action];
  if (bizId === ALL_BUSINESSES) {
    return new ApiError(
      "FORBIDDEN",
      text(`host ${hostKey} is in no business: ${who} needs the ${role.en} role on every business to ${verb.en} it`, `主机 ${hostKey} 不属于任何业务：${whoZh}需要所有业务的${role.zh}角色才能${verb.zh}它`),
    );
  }
  return new ApiError(
    "FORBIDDEN",
    text(`${who} needs the ${role.en} role in business ${bizId} to ${verb.en} host ${hostKey}`, `${whoZh}需要业务 ${bizId} 的${role.zh}角色才能${verb.zh}主机 ${hostKey}`),
  );
}
