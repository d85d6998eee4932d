// The console's finding: GET /api/console/search (the header's search across businesses, scoped to
// what the caller may see) and the process list's search (name or function name, any case) and sort
// orders (ports by number, bind IP by label). The CMDB search_process keeps its contract meanwhile.
import { beforeAll, describe, expect, it } from "vitest";
import { cmdb, createProcess, expectSuccess, uniqueName } from "./support/cmdb-client";
import { consoleCall, signedInUser, type TConsoleClient } from "./support/principals";
import { dataOf, errorOf, insertBusiness, insertHost, insertModule, insertSet } from "./support/topology";

type TFound = {
  businesses: { bk_biz_id: number; bk_biz_name: string; processes: { bk_process_id: number; bk_process_name: string; bk_func_name: string }[]; hosts: { bk_host_innerip: string }[] }[];
  hasMoreProcesses: boolean;
  hasMoreHosts: boolean;
};

const token = uniqueName("Fnd").replace(/-/g, "");
let bizA: number;
let bizB: number;
let hostA: string;
let hostB: string;
let processA: number;
let processB: number;
let viewerOfA: TConsoleClient;
let admin: TConsoleClient;

const find = async (client: TConsoleClient, q: string) => dataOf<TFound>(await client.call("GET", `/api/console/search?q=${encodeURIComponent(q)}`));
const processIdsIn = (found: TFound) => found.businesses.flatMap((business) => business.processes.map((process) => process.bk_process_id));
const hostIpsIn = (found: TFound) => found.businesses.flatMap((business) => business.hosts.map((host) => host.bk_host_innerip));

beforeAll(async () => {
  bizA = await insertBusiness("find-a");
  bizB = await insertBusiness("find-b");
  hostA = (await insertHost([await insertModule(bizA, await insertSet(bizA))])).ip;
  hostB = (await insertHost([await insertModule(bizB, await insertSet(bizB))])).ip;
  // the token sits in the function name only, in upper case: found by a lower-case search
  processA = await createProcess({ bk_process_name: uniqueName("svc-a"), bk_func_name: `Worker${token.toUpperCase()}` }, bizA);
  processB = await createProcess({ bk_process_name: uniqueName("svc-b"), bk_func_name: `Worker${token.toUpperCase()}` }, bizB);
  viewerOfA = await signedInUser({ roles: [{ bizId: bizA, role: "viewer" }], prefix: "find-viewer" });
  admin = await signedInUser({ isGlobalAdmin: true, prefix: "find-admin" });
  // a dev server compiles the routes on first use
}, 120_000);

describe("GET /api/console/search", () => {
  it("finds processes by function name in any case, only in the businesses the caller may see", async () => {
    const forViewer = await find(viewerOfA, token.toLowerCase());
    expect(processIdsIn(forViewer)).toEqual([processA]);
    expect(forViewer.businesses.map((business) => business.bk_biz_id)).toEqual([bizA]);

    const forAdmin = await find(admin, token.toLowerCase());
    expect(processIdsIn(forAdmin).sort()).toEqual([processA, processB].sort());
    // grouped by business
    expect(forAdmin.businesses.map((business) => business.bk_biz_id)).toEqual([bizA, bizB].sort((a, b) => a - b));
  });

  it("finds hosts by IP prefix, only in the businesses the caller may see", async () => {
    expect(hostIpsIn(await find(viewerOfA, hostA))).toEqual([hostA]);
    expect(hostIpsIn(await find(viewerOfA, hostB))).toEqual([]);
    expect(hostIpsIn(await find(admin, hostB))).toEqual([hostB]);
    // a prefix, not a substring: the last octet alone finds nothing of it
    expect(hostIpsIn(await find(admin, hostA.slice(hostA.lastIndexOf("."))))).not.toContain(hostA);
    expect(hostIpsIn(await find(admin, hostA.slice(0, hostA.lastIndexOf(".") + 1)))).toContain(hostA);
  });

  it("answers nothing to a user with no role, and refuses the signed-out and an empty query", async () => {
    const nobody = await signedInUser({ prefix: "find-nobody" });
    expect(await find(nobody, token)).toEqual({ businesses: [], hasMoreProcesses: false, hasMoreHosts: false });

    const signedOut = await consoleCall("GET", `/api/console/search?q=${token}`);
    expect(signedOut.status).toBe(401);

    const empty = errorOf(await admin.call("GET", "/api/console/search?q=%20"));
    expect(empty.status).toBe(400);
    expect(empty.kind).toBe("OUT_OF_RANGE");
    expect(empty.message).toMatch(/q/);
  });

  it("is bounded and says when there is more", async () => {
    for (let index = 0; index < 21; index += 1) await createProcess({ bk_process_name: `${token}-many-${index}`, bk_func_name: "many" }, bizA);
    const found = await find(admin, `${token}-many`);
    expect(processIdsIn(found)).toHaveLength(20);
    expect(found.hasMoreProcesses).toBe(true);
  });
});

describe("the console's process list", () => {
  const list = async (bizId: number, query: string) =>
    dataOf<{ count: number; rows: Record<string, unknown>[] }>(await admin.call("GET", `/api/console/businesses/${bizId}/processes?${query}`));

  it("matches name or function name in any case, while the CMDB search stays case-sensitive on the name", async () => {
    const byFunction = await list(bizA, `q=worker${token.toLowerCase()}&cols=bk_process_name,bk_func_name`);
    expect(byFunction.rows.map((row) => row.bk_process_id)).toEqual([processA]);

    const cmdbByName = expectSuccess<{ count: number }>(await cmdb("POST", `/api/v3/proc/search/0/${bizA}`, { body: { condition: { bk_process_name: `${token.toLowerCase()}-many` } } }));
    expect(cmdbByName.count).toBe(0);
    const cmdbExact = expectSuccess<{ count: number }>(await cmdb("POST", `/api/v3/proc/search/0/${bizA}`, { body: { condition: { bk_process_name: `${token}-many` } } }));
    expect(cmdbExact.count).toBe(21);
  });

  it("sorts ports by their first port as a number and bind IP by its label, unset last", async () => {
    const biz = await insertBusiness("find-sort");
    const specs: [string, string | null][] = [
      ["8000-8010", "3"],
      ["", null],
      ["443", "1"],
      ["1000", "4"],
      ["80,443", "2"],
      ["9", "1"],
    ];
    for (const [port, bindIp] of specs) await createProcess({ bk_process_name: uniqueName("port"), port, bind_ip: bindIp ?? undefined }, biz);
    const ports = async (sort: string) => (await list(biz, `sort=${sort}&cols=bk_process_name,port,bind_ip`)).rows.map((row) => row.port);
    expect(await ports("port")).toEqual(["9", "80,443", "443", "1000", "8000-8010", ""]);
    expect(await ports("-port")).toEqual(["8000-8010", "1000", "443", "80,443", "9", ""]);
    const bindIps = async (sort: string) => (await list(biz, `sort=${sort}&cols=bk_process_name,bind_ip`)).rows.map((row) => row.bind_ip);
    // labels: 0.0.0.0 (2) < 127.0.0.1 (1) < 1st inner IP (3) < 1st outer IP (4)
    expect(await bindIps("bind_ip")).toEqual(["2", "1", "1", "3", "4", null]);
    expect(await bindIps("-bind_ip")).toEqual(["4", "3", "1", "1", "2", null]);
  });
});

describe("the CMDB search and the console list side by side", () => {
  // both run the search statement prepared on the shared pool, from different route bundles: each
  // statement text must keep its own name on every connection
  it("answer every request, in any order, with their own shapes", async () => {
    for (let round = 0; round < 12; round++) {
      const search = await cmdb("POST", `/api/v3/proc/search/0/${bizA}`, { body: round % 2 ? { page: { limit: 5 } } : { condition: { bk_func_name: `Worker${token.toUpperCase()}` } } });
      expect(search.status, search.text).toBe(200);
      const list = await admin.call("GET", `/api/console/businesses/${bizA}/processes?q=${round % 3 ? "worker" : ""}&sort=${round % 2 ? "-port" : "bk_process_id"}`);
      expect(list.status, list.text).toBe(200);
    }
  });
});
