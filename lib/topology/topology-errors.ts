// Refusals of the topology: unknown ids (404) and changes that would orphan data (hosts, bindings,
// processes). A refusal always says what still uses the object, so the admin knows what to do first.
import { ApiError } from "@/lib/core/errors";
import { text, type TLocalText } from "@/lib/core/i18n";

/** A change refused because something still depends on it (409); the detail names what is in the way. */
export function refusedInUse(detail: TLocalText): ApiError {
  return new ApiError("IN_USE", detail);
}

export function setNotFound(setId: number, bizId: number): ApiError {
  return new ApiError("NOT_FOUND", text(`business ${bizId} has no set ${setId}`, `业务 ${bizId} 中没有集群 ${setId}`));
}

export function moduleNotFound(moduleId: number, bizId: number): ApiError {
  return new ApiError("NOT_FOUND", text(`business ${bizId} has no module ${moduleId}`, `业务 ${bizId} 中没有模块 ${moduleId}`));
}

export function hostNotInBusiness(hostId: number, bizId: number): ApiError {
  return new ApiError("NOT_FOUND", text(`host ${hostId} is not in business ${bizId}`, `主机 ${hostId} 不在业务 ${bizId} 中`));
}

/** "a, b, c and 4 more": long lists stay readable in one message. */
export function listSome(items: readonly string[], max = 5): TLocalText {
  if (items.length <= max) return text(items.join(", "), items.join("、"));
  const shown = items.slice(0, max);
  const rest = items.length - max;
  return text(`${shown.join(", ")} and ${rest} more`, `${shown.join("、")} 等 ${items.length} 个`);
}

export type TForeignHost = { ip: string; cloudId: number; otherBusinesses: { bizId: number; name: string }[] };

/**
 * One host sits in one business at a time: putting it into a second one is refused. The other
 * business is not named: the caller may have no role in it, and its name and id are not theirs to learn.
 */
export function describeForeignHost(host: TForeignHost): TLocalText {
  return text(
    `host ${host.cloudId}:${host.ip} already belongs to another business; it must be removed from there first`,
    `主机 ${host.cloudId}:${host.ip} 已属于其他业务，须先从该业务移除`,
  );
}

export function refusedForeignHosts(hosts: readonly TForeignHost[]): ApiError {
  const described = hosts.slice(0, 5).map(describeForeignHost);
  const more = hosts.length > 5 ? text(` (and ${hosts.length - 5} more hosts)`, `（另有 ${hosts.length - 5} 台主机）`) : text("", "");
  return new ApiError("IN_USE", text(described.map((line) => line.en).join("; ") + more.en, described.map((line) => line.zh).join("；") + more.zh));
}
