// delete_process: DELETE /api/v3/proc/{bk_supplier_account}/{bk_biz_id}/{bk_process_id}
import { describe, expect, it } from "vitest";
import { APP, auditRows, bindingNames, cmdb, createBusiness, createProcess, DEMO_BIZ, expectCmdbError, expectSuccess, processRow, sql, uniqueName } from "./support/cmdb-client";

const pathOf = (id: number, bizId = DEMO_BIZ) => `/api/v3/proc/0/${bizId}/${id}`;
const modulePath = (id: number, moduleName: string) => `/api/v3/proc/module/0/${DEMO_BIZ}/${id}/${encodeURIComponent(moduleName)}`;

describe("delete_process", () => {
  it("deletes an unbound process and writes one audit row with the whole record before", async () => {
    const name = uniqueName("delete-me");
    const id = await createProcess({ bk_process_name: name, port: "7000" });

    expect(expectSuccess(await cmdb("DELETE", pathOf(id), { operator: "carol" }))).toBeNull();
    expect(await processRow(id)).toBeUndefined();
    expectCmdbError(await cmdb("GET", pathOf(id)), 1199019, 404);

    const rows = await auditRows(id, "delete");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: "carol", app_code: APP.code, object_name: name, after: null });
    expect(rows[0].before).toMatchObject({ bk_process_id: id, bk_process_name: name, port: "7000" });
  });

  it("frees the name for a new process", async () => {
    const name = uniqueName("reuse");
    const id = await createProcess({ bk_process_name: name });
    expectSuccess(await cmdb("DELETE", pathOf(id)));
    const again = await createProcess({ bk_process_name: name });
    expect(again).not.toBe(id);
  });

  it("refuses a bound process with 1108013 and HTTP 409, keeping the process, and allows it after unbinding", async () => {
    const id = await createProcess();
    expectSuccess(await cmdb("PUT", modulePath(id, "gateway")));

    expectCmdbError(await cmdb("DELETE", pathOf(id), { lang: "en" }), 1108013, 409, /the process bind with module/, "gateway");
    expect(await processRow(id)).toBeDefined();
    expect(await bindingNames(id)).toEqual(["gateway"]);
    expect(await auditRows(id, "delete")).toEqual([]);

    expectSuccess(await cmdb("DELETE", modulePath(id, "gateway")));
    expectSuccess(await cmdb("DELETE", pathOf(id)));
    expect(await processRow(id)).toBeUndefined();
  });

  it("refuses a process bound only to a module name that no longer exists", async () => {
    const id = await createProcess();
    await sql(`INSERT INTO process_module_binding (bk_biz_id, bk_process_id, bk_module_name) VALUES ($1, $2, 'retired-module')`, [DEMO_BIZ, id]);
    expectCmdbError(await cmdb("DELETE", pathOf(id)), 1108013, 409, "retired-module");
    expect(await processRow(id)).toBeDefined();
  });

  it("answers an unknown id with 1199019 and HTTP 404", async () => {
    expectCmdbError(await cmdb("DELETE", pathOf(2147483645)), 1199019, 404);
  });

  it("answers a second delete of the same process with 1199019", async () => {
    const id = await createProcess();
    expectSuccess(await cmdb("DELETE", pathOf(id)));
    expectCmdbError(await cmdb("DELETE", pathOf(id)), 1199019, 404);
    expect(await auditRows(id, "delete")).toHaveLength(1);
  });

  it("does not delete a process of another business named through this business's path", async () => {
    const otherBiz = await createBusiness("delete-other");
    const foreignId = await createProcess({}, otherBiz);
    expectCmdbError(await cmdb("DELETE", pathOf(foreignId)), 1199019, 404);
    expect(await processRow(foreignId)).toBeDefined();
  });
});
