// sync_proc_status without hosts lists only the hosts an app may see: every business of the host must
// be one it may view (a host in no business needs the all-businesses grant), and the count and the
// pages are taken over exactly those hosts.
import { beforeAll, describe, expect, it } from "vitest";
import { BASE_URL, sql, uniqueName } from "../support/cmdb-client";
import { createApp, type TAppCredentials } from "../support/principals";
import { insertBusiness, insertHost, insertModule, insertSet } from "../support/topology";

const NAMESPACE = uniqueName("sync-visibility");
type TSync = { count: number; proc_infos: { host: { ip: string }; meta: { name: string }; status: number; pid: number }[] };

async function sync(app: TAppCredentials, page?: { start: number; limit: number }): Promise<TSync> {
  const response = await fetch(`${BASE_URL}/api/c/compapi/v2/gse/sync_proc_status/`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ bk_app_code: app.code, bk_app_secret: app.secret, bk_username: "sync-tester", meta: { namespace: NAMESPACE }, ...(page ? { page } : {}) }),
  });
  const body = (await response.json()) as { result: boolean; message: string; data: TSync };
  expect(body.result, body.message).toBe(true);
  return body.data;
}

let ownHosts: string[];
let sharedHost: string;
let otherHost: string;
let unplacedHost: string;
let viewer: TAppCredentials;
let everywhere: TAppCredentials;

beforeAll(async () => {
  const own = await insertBusiness("sync-own");
  const other = await insertBusiness("sync-other");
  const ownModule = await insertModule(own, await insertSet(own));
  const otherModule = await insertModule(other, await insertSet(other));
  const placed = [await insertHost([ownModule]), await insertHost([ownModule]), await insertHost([ownModule])];
  const shared = await insertHost([ownModule, otherModule]);
  const foreign = await insertHost([otherModule]);
  const unplaced = await insertHost();
  for (const [index, host] of [...placed, shared, foreign, unplaced].entries()) {
    await sql(
      `INSERT INTO managed_process (bk_host_id, namespace, name, spec, is_managed, is_running, pid, updated_at) VALUES ($1, $2, $3, '{}', true, $4, $5, now())`,
      [host.hostId, NAMESPACE, `proc-${index}`, index % 2 === 0, index % 2 === 0 ? 1000 + index : null],
    );
  }
  ownHosts = placed.map((host) => host.ip);
  sharedHost = shared.ip;
  otherHost = foreign.ip;
  unplacedHost = unplaced.ip;
  viewer = await createApp([{ bizId: own, role: "viewer" }]);
  everywhere = await createApp([{ bizId: 0, role: "viewer" }]);
});

describe("sync_proc_status without hosts", () => {
  it("lists only hosts whose every business the app may view, and counts only those", async () => {
    const seen = await sync(viewer);
    expect(seen.count).toBe(3);
    expect(seen.proc_infos.map((info) => info.host.ip).sort()).toEqual([...ownHosts].sort());
    // running ones carry their pid and status 1, stopped ones -1 and 2
    expect(seen.proc_infos.find((info) => info.meta.name === "proc-0")).toMatchObject({ status: 1, pid: 1000 });
    expect(seen.proc_infos.find((info) => info.meta.name === "proc-1")).toMatchObject({ status: 2, pid: -1 });
  });

  it("shows every host, placed or not, to an app that may view every business", async () => {
    const seen = await sync(everywhere);
    expect(seen.count).toBe(6);
    expect(seen.proc_infos.map((info) => info.host.ip)).toEqual(expect.arrayContaining([...ownHosts, sharedHost, otherHost, unplacedHost]));
  });

  it("pages over the visible hosts in a stable order, the total on every page", async () => {
    const pages = [await sync(viewer, { start: 0, limit: 2 }), await sync(viewer, { start: 2, limit: 2 }), await sync(viewer, { start: 4, limit: 2 })];
    expect(pages.map((page) => page.count)).toEqual([3, 3, 3]);
    expect(pages.map((page) => page.proc_infos.length)).toEqual([2, 1, 0]);
    expect(pages.flatMap((page) => page.proc_infos.map((info) => info.host.ip)).sort()).toEqual([...ownHosts].sort());
  });
});
