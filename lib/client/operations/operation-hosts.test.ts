import { describe, expect, it } from "vitest";
import { distinctModules, distinctSets, filterHostChoices, groupOperationHosts, NO_HOST_FILTER } from "@/lib/client/operations/operation-hosts";
import type { TOperationHost } from "@/lib/operations/list-operation-hosts";

const row = (hostId: number, ip: string, setName: string, moduleName: string, agentState: TOperationHost["agentState"] = "online"): TOperationHost => ({
  hostId,
  ip,
  cloudId: 0,
  hostName: `h${hostId}`,
  setName,
  moduleName,
  agentState,
});

const rows = [row(1, "127.0.0.11", "set-a", "gateway"), row(2, "127.0.0.12", "set-a", "gateway"), row(3, "127.0.0.21", "set-b", "gateway", "none"), row(1, "127.0.0.11", "set-a", "db"), row(4, "127.0.0.13", "set-a", "db")];

describe("operation hosts", () => {
  const hosts = groupOperationHosts(rows);

  it("makes one choice per host, with every placement", () => {
    expect(hosts.map((h) => h.hostId)).toEqual([1, 2, 3, 4]);
    expect(hosts[0].placements).toEqual([
      { setName: "set-a", moduleName: "gateway" },
      { setName: "set-a", moduleName: "db" },
    ]);
    expect(groupOperationHosts([...rows, rows[0]])[0].placements).toHaveLength(2);
  });

  it("filters by set, module and IP substring", () => {
    expect(filterHostChoices(hosts, NO_HOST_FILTER)).toHaveLength(4);
    expect(filterHostChoices(hosts, { ...NO_HOST_FILTER, set: "set-a" }).map((h) => h.ip)).toEqual(["127.0.0.11", "127.0.0.12", "127.0.0.13"]);
    expect(filterHostChoices(hosts, { ...NO_HOST_FILTER, module: "db" }).map((h) => h.hostId)).toEqual([1, 4]);
    expect(filterHostChoices(hosts, { set: "set-b", module: "db", ip: "" })).toEqual([]);
    expect(filterHostChoices(hosts, { ...NO_HOST_FILTER, ip: " 0.0.1 " }).map((h) => h.ip)).toEqual(["127.0.0.11", "127.0.0.12", "127.0.0.13"]);
    expect(filterHostChoices(hosts, { set: "set-a", module: "gateway", ip: ".12" }).map((h) => h.hostId)).toEqual([2]);
  });

  it("lists the sets and modules to filter by", () => {
    expect(distinctSets(hosts)).toEqual(["set-a", "set-b"]);
    expect(distinctModules(hosts)).toEqual(["db", "gateway"]);
  });
});
