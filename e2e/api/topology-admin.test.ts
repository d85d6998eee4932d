// Topology administration over real HTTP: businesses (global admins), sets, modules and host
// placement (business admins), and the refusals that keep data from being orphaned — each refusal
// explains itself and leaves everything as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { createProcess, sql, uniqueName } from "./support/cmdb-client";
import { signedInUser, type TConsoleClient } from "./support/principals";
import {
  createBusinessViaApi,
  dataOf,
  errorOf,
  freshTestIp,
  hostIdOf,
  insertHost,
  placementOf,
  topologyPaths,
  topologySnapshot,
  type TTree,
} from "./support/topology";

let admin: TConsoleClient;

beforeAll(async () => {
  admin = await signedInUser({ isGlobalAdmin: true, prefix: "topo-admin" });
});

async function createSetWithModule(bizId: number, setName = uniqueName("set"), moduleName = uniqueName("mod")) {
  const paths = topologyPaths(bizId);
  const { setId } = dataOf<{ setId: number }>(await admin.call("POST", paths.sets, { body: { name: setName } }));
  const { moduleId } = dataOf<{ moduleId: number }>(await admin.call("POST", paths.setModules(setId), { body: { name: moduleName } }));
  return { setId, moduleId, setName, moduleName };
}

describe("businesses", () => {
  it("a new business gets its idle pool with the idle and fault modules, and an audit entry", async () => {
    const name = uniqueName("biz");
    const reply = await admin.call("POST", "/api/console/admin/businesses", { body: { name } });
    expect(reply.status).toBe(201);
    const { bizId } = dataOf<{ bizId: number }>(reply);

    const tree = dataOf<TTree>(await admin.call("GET", topologyPaths(bizId).tree));
    expect(tree.sets).toEqual([
      {
        setId: expect.any(Number),
        name: "空闲机池",
        defaultFlag: 1,
        hostCount: 0,
        modules: [
          { moduleId: expect.any(Number), name: "空闲机", defaultFlag: 1, hostCount: 0 },
          { moduleId: expect.any(Number), name: "故障机", defaultFlag: 2, hostCount: 0 },
        ],
      },
    ]);
    const audits = await sql<{ action: string; after: { bk_biz_name: string } }>(`SELECT action, after FROM audit_entry WHERE object_type = 'business' AND object_id = $1`, [String(bizId)]);
    expect(audits).toEqual([{ action: "create", after: expect.objectContaining({ bk_biz_name: name }) }]);

    const listed = dataOf<{ bizId: number; name: string; setCount: number; hostCount: number }[]>(await admin.call("GET", "/api/console/admin/businesses"));
    expect(listed.find((row) => row.bizId === bizId)).toMatchObject({ name, setCount: 0, hostCount: 0 });
  });

  it("refuses a name taken in the same supplier account, and an empty one, creating nothing", async () => {
    const { name } = await createBusinessViaApi(admin);
    const [before] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM business`);
    const taken = errorOf(await admin.call("POST", "/api/console/admin/businesses", { body: { name } }));
    expect(taken).toMatchObject({ status: 409, kind: "DUPLICATE" });
    expect(taken.message).toContain(name);
    const empty = errorOf(await admin.call("POST", "/api/console/admin/businesses", { body: { name: "  " } }));
    expect(empty).toMatchObject({ status: 400, kind: "FIELD_CHECK_FAILED" });
    expect(empty.message).toMatch(/bk_biz_name.*empty/);
    const [after] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM business`);
    expect(after.n).toBe(before.n);
  });

  it("renames, and deletes only an empty business, saying what is still in it", async () => {
    const biz = await createBusinessViaApi(admin);
    const newName = uniqueName("renamed");
    expect(dataOf(await admin.call("PATCH", `/api/console/admin/businesses/${biz.bizId}`, { body: { name: newName } }))).toEqual({ bizId: biz.bizId, name: newName });

    const { setId } = await createSetWithModule(biz.bizId);
    const host = await insertHost([biz.idleModuleId]);
    await createProcess({}, biz.bizId);
    const snapshot = await topologySnapshot(biz.bizId);
    const refused = errorOf(await admin.call("DELETE", `/api/console/admin/businesses/${biz.bizId}`));
    expect(refused.status).toBe(409);
    expect(refused.message).toMatch(/1 process\b.*1 host in its modules.*1 set besides the idle pool/);
    expect(await topologySnapshot(biz.bizId)).toEqual(snapshot);

    await sql(`DELETE FROM process WHERE bk_biz_id = $1`, [biz.bizId]);
    dataOf(await admin.call("DELETE", topologyPaths(biz.bizId).host(host.hostId)));
    dataOf(await admin.call("DELETE", topologyPaths(biz.bizId).set(setId)));
    dataOf(await admin.call("DELETE", `/api/console/admin/businesses/${biz.bizId}`));
    expect(await sql(`SELECT 1 FROM business WHERE bk_biz_id = $1`, [biz.bizId])).toEqual([]);
    expect(await sql(`SELECT 1 FROM module WHERE bk_biz_id = $1`, [biz.bizId])).toEqual([]);
    // the host stays known (with its agent, if any); it just belongs to no business now
    expect(await placementOf(host.hostId)).toEqual([]);
  });

  it("is for global administrators only, even an admin of every business gets 403", async () => {
    const allAdmin = await signedInUser({ roles: [{ bizId: 0, role: "admin" }] });
    const reply = await allAdmin.call("POST", "/api/console/admin/businesses", { body: { name: uniqueName("nope") } });
    expect(errorOf(reply)).toMatchObject({ status: 403, kind: "FORBIDDEN" });
    expect(errorOf(await allAdmin.call("GET", "/api/console/admin/businesses")).status).toBe(403);
  });
});

describe("sets and modules", () => {
  it("refuses to delete a module while hosts are in it or it is the last one of a bound name, explaining why, changing nothing", async () => {
    const biz = await createBusinessViaApi(admin);
    const paths = topologyPaths(biz.bizId);
    const { moduleId, moduleName, setName } = await createSetWithModule(biz.bizId, undefined, "web");
    const host = await insertHost([moduleId]);

    let snapshot = await topologySnapshot(biz.bizId);
    const withHosts = errorOf(await admin.call("DELETE", paths.module(moduleId)));
    expect(withHosts.status).toBe(409);
    expect(withHosts.message).toContain(`module '${setName} / ${moduleName}' still holds hosts: web (1 host); move them out first`);
    expect(await topologySnapshot(biz.bizId)).toEqual(snapshot);

    // taken out of its only module, the host goes to the idle module
    dataOf(await admin.call("POST", paths.removeHosts(moduleId), { body: { hostIds: [host.hostId] } }));
    expect(await placementOf(host.hostId)).toEqual(["空闲机池 / 空闲机"]);

    const processId = await createProcess({ bk_process_name: uniqueName("web-proc") }, biz.bizId);
    dataOf(await admin.call("PUT", `/api/console/businesses/${biz.bizId}/processes/${processId}/modules/web`));
    const [{ bk_process_name: processName }] = await sql<{ bk_process_name: string }>(`SELECT bk_process_name FROM process WHERE bk_process_id = $1`, [processId]);

    snapshot = await topologySnapshot(biz.bizId);
    const bound = errorOf(await admin.call("DELETE", paths.module(moduleId)));
    expect(bound.status).toBe(409);
    expect(bound.message).toContain(`is the last module named 'web' (bound: ${processName})`);
    const renamed = errorOf(await admin.call("PATCH", paths.module(moduleId), { body: { name: "web2" } }));
    expect(renamed.message).toContain("bound to nothing");
    const setRefused = errorOf(await admin.call("DELETE", paths.set((await setOf(moduleId)))));
    expect(setRefused.message).toContain("has the last module named 'web'");
    expect(await topologySnapshot(biz.bizId)).toEqual(snapshot);

    // another module named "web" keeps the binding meaningful, so this one may go
    await createSetWithModule(biz.bizId, undefined, "web");
    dataOf(await admin.call("DELETE", paths.module(moduleId)));
    const audit = await sql<{ action: string; before: unknown; bk_biz_id: number }>(`SELECT action, before, bk_biz_id FROM audit_entry WHERE object_type = 'module' AND object_id = $1 ORDER BY id`, [String(moduleId)]);
    expect(audit.at(-1)).toEqual({ action: "delete", before: { bk_set_name: setName, bk_module_name: "web" }, bk_biz_id: biz.bizId });
  });

  it("keeps the idle pool: its set and modules cannot be renamed or deleted, nor get new modules", async () => {
    const biz = await createBusinessViaApi(admin);
    const paths = topologyPaths(biz.bizId);
    const snapshot = await topologySnapshot(biz.bizId);
    for (const reply of [
      await admin.call("DELETE", paths.module(biz.idleModuleId)),
      await admin.call("DELETE", paths.module(biz.faultModuleId)),
      await admin.call("PATCH", paths.module(biz.idleModuleId), { body: { name: "spare" } }),
      await admin.call("DELETE", paths.set(biz.idleSetId)),
      await admin.call("PATCH", paths.set(biz.idleSetId), { body: { name: "pool" } }),
      await admin.call("POST", paths.setModules(biz.idleSetId), { body: { name: "extra" } }),
    ]) {
      const refused = errorOf(reply);
      expect(refused.status).toBe(409);
      expect(refused.message).toMatch(/built-in|idle pool/);
    }
    expect(await topologySnapshot(biz.bizId)).toEqual(snapshot);
  });

  it("creates and renames sets and modules, refusing names already taken", async () => {
    const biz = await createBusinessViaApi(admin);
    const paths = topologyPaths(biz.bizId);
    const first = await createSetWithModule(biz.bizId);
    const second = await createSetWithModule(biz.bizId);
    expect(errorOf(await admin.call("POST", paths.sets, { body: { name: first.setName } }))).toMatchObject({ status: 409, kind: "DUPLICATE" });
    expect(errorOf(await admin.call("PATCH", paths.set(second.setId), { body: { name: first.setName } })).status).toBe(409);
    expect(errorOf(await admin.call("POST", paths.setModules(first.setId), { body: { name: first.moduleName } })).status).toBe(409);
    const newName = uniqueName("set");
    dataOf(await admin.call("PATCH", paths.set(second.setId), { body: { name: newName } }));
    const tree = dataOf<TTree>(await admin.call("GET", paths.tree));
    expect(tree.sets.map((set) => set.name)).toEqual(["空闲机池", ...[first.setName, newName].sort()]);
  });
});

async function setOf(moduleId: number): Promise<number> {
  const [row] = await sql<{ bk_set_id: number }>(`SELECT bk_set_id FROM module WHERE bk_module_id = $1`, [moduleId]);
  return row.bk_set_id;
}

describe("hosts in modules", () => {
  it("adds, moves and takes out hosts; the idle and fault modules are exclusive; each change is audited", async () => {
    const biz = await createBusinessViaApi(admin);
    const paths = topologyPaths(biz.bizId);
    const a = await createSetWithModule(biz.bizId);
    const b = await createSetWithModule(biz.bizId, a.setName + "-b");
    const ip = await freshTestIp();

    // a host the topology does not know yet is created on the way in
    expect(dataOf(await admin.call("POST", paths.moduleHosts(a.moduleId), { body: { hosts: [{ ip }] } }))).toEqual({ moved: 1, unchanged: 0, created: 1 });
    const hostId = (await hostIdOf(ip))!;
    expect(await placementOf(hostId)).toEqual([`${a.setName} / ${a.moduleName}`]);

    dataOf(await admin.call("POST", paths.moduleHosts(b.moduleId), { body: { hostIds: [hostId] } }));
    expect(await placementOf(hostId)).toEqual([`${a.setName} / ${a.moduleName}`, `${b.setName} / ${b.moduleName}`].sort());

    dataOf(await admin.call("POST", paths.moduleHosts(biz.faultModuleId), { body: { hostIds: [hostId] } }));
    expect(await placementOf(hostId)).toEqual(["空闲机池 / 故障机"]);

    dataOf(await admin.call("POST", paths.moduleHosts(a.moduleId), { body: { hostIds: [hostId] } }));
    expect(await placementOf(hostId)).toEqual([`${a.setName} / ${a.moduleName}`]);
    dataOf(await admin.call("POST", paths.moduleHosts(b.moduleId), { body: { hostIds: [hostId], mode: "move" } }));
    expect(await placementOf(hostId)).toEqual([`${b.setName} / ${b.moduleName}`]);

    // the same placement again changes nothing and writes no audit row
    const snapshot = await topologySnapshot(biz.bizId);
    expect(dataOf(await admin.call("POST", paths.moduleHosts(b.moduleId), { body: { hostIds: [hostId] } }))).toEqual({ moved: 0, unchanged: 1, created: 0 });
    expect(await topologySnapshot(biz.bizId)).toEqual(snapshot);

    const audits = await sql<{ action: string; before: { modules: string[] }; after: { modules: string[] }; bk_biz_id: number }>(
      `SELECT action, before, after, bk_biz_id FROM audit_entry WHERE object_type = 'host_module' AND object_id = $1 ORDER BY id`,
      [String(hostId)],
    );
    expect(audits.map((row) => row.action)).toEqual(["add", "add", "add", "add", "move"]);
    expect(audits[2]).toMatchObject({ bk_biz_id: biz.bizId, after: { modules: ["空闲机池 / 故障机"] } });
    expect(audits[4].before.modules).toEqual([`${a.setName} / ${a.moduleName}`]);

    const listed = dataOf<{ hostId: number; moduleIds: number[]; modules: string[] }[]>(await admin.call("GET", paths.hosts));
    expect(listed.find((host) => host.hostId === hostId)).toMatchObject({ moduleIds: [b.moduleId], modules: [`${b.setName} / ${b.moduleName}`] });
  });

  it("refuses a host that sits in another business, naming that business, and changes nothing", async () => {
    const owner = await createBusinessViaApi(admin, "owner");
    const other = await createBusinessViaApi(admin, "other");
    const host = await insertHost([owner.idleModuleId]);
    const newcomer = await freshTestIp();
    const snapshot = await topologySnapshot(other.bizId);

    const refused = errorOf(await admin.call("POST", topologyPaths(other.bizId).moduleHosts(other.idleModuleId), { body: { hosts: [{ ip: newcomer }, { ip: host.ip, cloudId: 0 }] } }));
    expect(refused.status).toBe(409);
    expect(refused.message).toContain(`host 0:${host.ip} already belongs to another business`);
    expect(refused.message).not.toContain(owner.name);
    expect(refused.message).not.toContain(`(${owner.bizId})`);
    expect(await topologySnapshot(other.bizId)).toEqual(snapshot);
    expect(await hostIdOf(newcomer)).toBeUndefined();
    expect(await placementOf(host.hostId)).toEqual(["空闲机池 / 空闲机"]);

    // by id, a host of another business is simply not found here
    expect(errorOf(await admin.call("POST", topologyPaths(other.bizId).moduleHosts(other.idleModuleId), { body: { hostIds: [host.hostId] } })).status).toBe(404);
  });

  it("removes a host from the business only when nothing runs on it, saying what does", async () => {
    const biz = await createBusinessViaApi(admin);
    const { moduleId } = await createSetWithModule(biz.bizId);
    const host = await insertHost([moduleId]);
    const paths = topologyPaths(biz.bizId);
    const taskId = `GSETASK:20240101000000:${Date.now()}${Math.floor(Math.random() * 1000)}`;
    await sql(`INSERT INTO task (id, source, op_type, bk_biz_id, requested_by, row_count) VALUES ($1, 'console', 0, $2, 'tester', 1)`, [taskId, biz.bizId]);
    await sql(`INSERT INTO task_row (task_id, bk_host_id, bk_cloud_id, ip, namespace, name, op_type, spec, code) VALUES ($1, $2, 0, $3, 'ns', 'busy-proc', 0, '{}', 115)`, [taskId, host.hostId, host.ip]);

    const snapshot = await topologySnapshot(biz.bizId);
    const running = errorOf(await admin.call("DELETE", paths.host(host.hostId)));
    expect(running.status).toBe(409);
    expect(running.message).toContain(`still has running task rows: ${taskId} (busy-proc)`);

    await sql(`UPDATE task_row SET code = 0 WHERE task_id = $1`, [taskId]);
    await sql(`INSERT INTO managed_process (bk_host_id, namespace, name, spec, is_managed, is_running, pid) VALUES ($1, 'ns', 'kept-alive', '{}', true, true, 4242)`, [host.hostId]);
    const managed = errorOf(await admin.call("DELETE", paths.host(host.hostId)));
    expect(managed.message).toContain("still runs managed processes: kept-alive (pid 4242)");
    expect(await topologySnapshot(biz.bizId)).toEqual(snapshot);

    await sql(`UPDATE managed_process SET is_running = false WHERE bk_host_id = $1`, [host.hostId]);
    dataOf(await admin.call("DELETE", paths.host(host.hostId)));
    expect(await placementOf(host.hostId)).toEqual([]);
    const [audit] = await sql<{ action: string; bk_biz_id: number }>(`SELECT action, bk_biz_id FROM audit_entry WHERE object_type = 'host' AND object_id = $1 ORDER BY id DESC LIMIT 1`, [String(host.hostId)]);
    expect(audit).toEqual({ action: "remove_from_business", bk_biz_id: biz.bizId });
  });
});

describe("who may change the topology", () => {
  it("gives viewers and operators of the business 403 on every write, users of another business 403 on everything", async () => {
    const biz = await createBusinessViaApi(admin);
    const other = await createBusinessViaApi(admin, "elsewhere");
    const { setId, moduleId } = await createSetWithModule(biz.bizId);
    const host = await insertHost([moduleId]);
    const paths = topologyPaths(biz.bizId);
    const writes: [string, string, unknown?][] = [
      ["POST", paths.sets, { name: uniqueName("set") }],
      ["PATCH", paths.set(setId), { name: uniqueName("set") }],
      ["DELETE", paths.set(setId)],
      ["POST", paths.setModules(setId), { name: "x" }],
      ["PATCH", paths.module(moduleId), { name: "y" }],
      ["DELETE", paths.module(moduleId)],
      ["POST", paths.moduleHosts(moduleId), { hostIds: [host.hostId] }],
      ["POST", paths.removeHosts(moduleId), { hostIds: [host.hostId] }],
      ["DELETE", paths.host(host.hostId)],
      ["POST", paths.importPreview, { csv: "bk_host_innerip\n198.18.0.1" }],
      ["POST", paths.importApply, { csv: "bk_host_innerip\n198.18.0.1" }],
    ];
    const viewer = await signedInUser({ roles: [{ bizId: biz.bizId, role: "viewer" }] });
    const operator = await signedInUser({ roles: [{ bizId: biz.bizId, role: "operator" }] });
    const stranger = await signedInUser({ roles: [{ bizId: other.bizId, role: "admin" }] });
    const snapshot = await topologySnapshot(biz.bizId);

    for (const user of [viewer, operator, stranger]) {
      for (const [method, path, body] of writes) {
        const refused = errorOf(await user.call(method, path, { body }));
        expect(refused, `${user.username} ${method} ${path}`).toMatchObject({ status: 403, kind: "FORBIDDEN" });
      }
    }
    expect(await topologySnapshot(biz.bizId)).toEqual(snapshot);

    expect(dataOf<TTree>(await viewer.call("GET", paths.tree)).sets).toHaveLength(2);
    expect(errorOf(await stranger.call("GET", paths.tree)).status).toBe(403);
    expect(errorOf(await stranger.call("GET", paths.hosts)).status).toBe(403);
  }, 120_000);
});
