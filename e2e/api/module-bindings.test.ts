// get_process_bind_module, bind_process_module, delete_process_module_binding:
// /api/v3/proc/module/{bk_supplier_account}/{bk_biz_id}/{bk_process_id}[/{bk_module_name}]
import { beforeAll, describe, expect, it } from "vitest";
import { APP, auditRows, bindingNames, cmdb, createBusiness, createProcess, createSet, DEMO_BIZ, expectCmdbError, expectSuccess, sql } from "./support/cmdb-client";

type TModuleRow = { bk_module_name: string; set_num: number; is_bind: 0 | 1 };

const listPath = (id: number, bizId = DEMO_BIZ) => `/api/v3/proc/module/0/${bizId}/${id}`;
const modulePath = (id: number, moduleName: string, bizId = DEMO_BIZ) => `${listPath(id, bizId)}/${encodeURIComponent(moduleName)}`;

async function moduleList(id: number, bizId = DEMO_BIZ) {
  return expectSuccess<TModuleRow[]>(await cmdb("GET", listPath(id, bizId)));
}

describe("get_process_bind_module", () => {
  it("lists every ordinary module name of the demo business with its set count, none bound", async () => {
    const id = await createProcess();
    expect(await moduleList(id)).toEqual([
      { bk_module_name: "cache", set_num: 1, is_bind: 0 },
      { bk_module_name: "db", set_num: 2, is_bind: 0 },
      { bk_module_name: "gateway", set_num: 2, is_bind: 0 },
    ]);
  });

  it("leaves out the idle and fault modules", async () => {
    const id = await createProcess();
    const names = (await moduleList(id)).map((row) => row.bk_module_name);
    expect(names).not.toContain("空闲机");
    expect(names).not.toContain("故障机");
  });

  it("shows the demo nginx bound to gateway, bound names first", async () => {
    const [nginx] = await sql<{ bk_process_id: number }>(`SELECT bk_process_id FROM process WHERE bk_biz_id = $1 AND bk_process_name = 'nginx'`, [DEMO_BIZ]);
    expect(await moduleList(nginx.bk_process_id)).toEqual([
      { bk_module_name: "gateway", set_num: 2, is_bind: 1 },
      { bk_module_name: "cache", set_num: 1, is_bind: 0 },
      { bk_module_name: "db", set_num: 2, is_bind: 0 },
    ]);
  });

  it("orders bound names first, each group by name", async () => {
    const id = await createProcess();
    expectSuccess(await cmdb("PUT", modulePath(id, "gateway")));
    expectSuccess(await cmdb("PUT", modulePath(id, "db")));
    expect(await moduleList(id)).toEqual([
      { bk_module_name: "db", set_num: 2, is_bind: 1 },
      { bk_module_name: "gateway", set_num: 2, is_bind: 1 },
      { bk_module_name: "cache", set_num: 1, is_bind: 0 },
    ]);
  });

  it("shows a bound name with no module left as set_num 0", async () => {
    const id = await createProcess();
    await sql(`INSERT INTO process_module_binding (bk_biz_id, bk_process_id, bk_module_name) VALUES ($1, $2, 'decommissioned')`, [DEMO_BIZ, id]);
    expect(await moduleList(id)).toEqual([
      { bk_module_name: "decommissioned", set_num: 0, is_bind: 1 },
      { bk_module_name: "cache", set_num: 1, is_bind: 0 },
      { bk_module_name: "db", set_num: 2, is_bind: 0 },
      { bk_module_name: "gateway", set_num: 2, is_bind: 0 },
    ]);
    // the stale name can still be unbound
    expectSuccess(await cmdb("DELETE", modulePath(id, "decommissioned")));
    expect(await bindingNames(id)).toEqual([]);
  });

  it("answers an unknown process with 1199019", async () => {
    expectCmdbError(await cmdb("GET", listPath(2147483640)), 1199019, 404);
  });
});

describe("bind_process_module and delete_process_module_binding", () => {
  it("binds a process to a module name, shown by the list and by search", async () => {
    const id = await createProcess();
    expect(expectSuccess(await cmdb("PUT", modulePath(id, "cache")))).toBeNull();
    expect(await bindingNames(id)).toEqual(["cache"]);
    expect((await moduleList(id))[0]).toEqual({ bk_module_name: "cache", set_num: 1, is_bind: 1 });

    const found = expectSuccess<{ info: { bk_process_id: number }[] }>(await cmdb("POST", `/api/v3/proc/search/0/${DEMO_BIZ}`, { body: { condition: { bk_module_name: "cache", bk_process_id: id }, fields: ["bk_process_id"] } }));
    expect(found.info).toEqual([{ bk_process_id: id }]);
  });

  it("is idempotent: binding twice keeps one row and one audit entry", async () => {
    const id = await createProcess();
    expectSuccess(await cmdb("PUT", modulePath(id, "db"), { operator: "erin" }));
    expectSuccess(await cmdb("PUT", modulePath(id, "db")));
    expect(await bindingNames(id)).toEqual(["db"]);

    const audits = await auditRows(id, "bind");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: "erin", app_code: APP.code, bk_biz_id: DEMO_BIZ, before: null, after: { bk_module_name: "db" } });
  });

  it("unbinds, writing one audit entry with the module name before", async () => {
    const id = await createProcess();
    expectSuccess(await cmdb("PUT", modulePath(id, "gateway")));
    expect(expectSuccess(await cmdb("DELETE", modulePath(id, "gateway"), { operator: "frank" }))).toBeNull();
    expect(await bindingNames(id)).toEqual([]);
    expect((await moduleList(id)).every((row) => row.is_bind === 0)).toBe(true);

    const audits = await auditRows(id, "unbind");
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor: "frank", app_code: APP.code, before: { bk_module_name: "gateway" }, after: null });
  });

  it("succeeds unbinding a name that is not bound, writing nothing", async () => {
    const id = await createProcess();
    expectSuccess(await cmdb("PUT", modulePath(id, "db")));
    expectSuccess(await cmdb("DELETE", modulePath(id, "cache")));
    expectSuccess(await cmdb("DELETE", modulePath(id, "no-such-module")));
    expect(await bindingNames(id)).toEqual(["db"]);
    expect(await auditRows(id, "unbind")).toEqual([]);
  });

  it("refuses a module name the business does not have with 1199019 naming it, binding nothing", async () => {
    const id = await createProcess();
    expectCmdbError(await cmdb("PUT", modulePath(id, "no-such-module")), 1199019, 404, "no-such-module");
    expect(await bindingNames(id)).toEqual([]);
    expect(await auditRows(id, "bind")).toEqual([]);
  });

  it.each(["空闲机", "故障机"])("refuses the built-in %s module", async (moduleName) => {
    const id = await createProcess();
    expectCmdbError(await cmdb("PUT", modulePath(id, moduleName)), 1199019, 404, moduleName);
    expect(await bindingNames(id)).toEqual([]);
  });

  it("refuses to bind an unknown process or one of another business", async () => {
    expectCmdbError(await cmdb("PUT", modulePath(2147483640, "db")), 1199019, 404);
    const otherBiz = await createBusiness("bind-other");
    const foreignId = await createProcess({}, otherBiz);
    expectCmdbError(await cmdb("PUT", modulePath(foreignId, "db")), 1199019, 404);
    expectCmdbError(await cmdb("DELETE", modulePath(foreignId, "db")), 1199019, 404);
    expect(await bindingNames(foreignId)).toEqual([]);
  });
});

describe("module bindings in a business of its own", () => {
  let bizId = 0;

  beforeAll(async () => {
    bizId = await createBusiness("modules");
    await createSet(bizId, "空闲机池", [{ name: "空闲机", defaultFlag: 1 }, { name: "故障机", defaultFlag: 2 }], 1);
    await createSet(bizId, "north", [{ name: "数据库" }, { name: "web" }, { name: "ops team" }]);
    await createSet(bizId, "south", [{ name: "数据库" }, { name: "web" }]);
    await createSet(bizId, "east", [{ name: "web" }, { name: "100%_ready" }]);
  });

  it("counts the sets that contain each module name", async () => {
    const id = await createProcess({}, bizId);
    const rows = await moduleList(id, bizId);
    expect(Object.fromEntries(rows.map((row) => [row.bk_module_name, row.set_num]))).toEqual({ web: 3, 数据库: 2, "ops team": 1, "100%_ready": 1 });
  });

  it("binds and unbinds module names with non-ASCII, spaces and % given URL-encoded", async () => {
    const id = await createProcess({}, bizId);
    for (const moduleName of ["数据库", "ops team", "100%_ready"]) expectSuccess(await cmdb("PUT", modulePath(id, moduleName, bizId)));
    expect(await bindingNames(id)).toEqual(["100%_ready", "ops team", "数据库"].sort());

    const bound = (await moduleList(id, bizId)).filter((row) => row.is_bind === 1).map((row) => row.bk_module_name);
    expect(bound.sort()).toEqual(["100%_ready", "ops team", "数据库"].sort());

    const found = expectSuccess<{ count: number }>(await cmdb("POST", `/api/v3/proc/search/0/${bizId}`, { body: { condition: { bk_module_name: "数据库" } } }));
    expect(found.count).toBe(1);

    expectSuccess(await cmdb("DELETE", modulePath(id, "数据库", bizId)));
    expect(await bindingNames(id)).toEqual(["100%_ready", "ops team"].sort());
  });

  it("does not let a module name of another business be bound", async () => {
    const id = await createProcess({}, bizId);
    expectCmdbError(await cmdb("PUT", modulePath(id, "gateway", bizId)), 1199019, 404, "gateway");
    const demoProcess = await createProcess();
    expectCmdbError(await cmdb("PUT", modulePath(demoProcess, "数据库")), 1199019, 404);
  });
});
