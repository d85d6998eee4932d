// The Operate dialog's host picker: the server lists one row per (host, module) the process is bound
// to; a host in two such modules is one choice with both placements. Filters by set, module and IP.
import type { TOperationHost } from "@/lib/operations/list-operation-hosts";

export type THostChoice = Omit<TOperationHost, "setName" | "moduleName"> & { placements: { setName: string; moduleName: string }[] };
export type THostFilter = { set: string; module: string; ip: string };

export const NO_HOST_FILTER: THostFilter = { set: "", module: "", ip: "" };

export function groupOperationHosts(rows: TOperationHost[]): THostChoice[] {
  const byHost = new Map<number, THostChoice>();
  for (const { setName, moduleName, ...host } of rows) {
    const choice = byHost.get(host.hostId) ?? { ...host, placements: [] };
    if (!choice.placements.some((p) => p.setName === setName && p.moduleName === moduleName)) choice.placements.push({ setName, moduleName });
    byHost.set(host.hostId, choice);
  }
  return [...byHost.values()];
}

/** Set and module match exactly ("" = any); ip matches a substring, so "127.0.0.1" finds .11 and .12. */
export function filterHostChoices(hosts: THostChoice[], filter: THostFilter): THostChoice[] {
  const ip = filter.ip.trim();
  return hosts.filter(
    (host) =>
      (!ip || host.ip.includes(ip)) &&
      host.placements.some((p) => (!filter.set || p.setName === filter.set) && (!filter.module || p.moduleName === filter.module)),
  );
}

export function distinctSets(hosts: THostChoice[]): string[] {
  return [...new Set(hosts.flatMap((host) => host.placements.map((p) => p.setName)))].sort();
}

export function distinctModules(hosts: THostChoice[]): string[] {
  return [...new Set(hosts.flatMap((host) => host.placements.map((p) => p.moduleName)))].sort();
}
