// update_process: PUT /api/v3/proc/{bk_supplier_account}/{bk_biz_id}/{bk_process_id}
import { describe, expect, it } from "vitest";
import { APP, auditRows, cmdb, createBusiness, createProcess, DEMO_BIZ, expectCmdbError, expectSuccess, processRow, uniqueName } from "./support/cmdb-client";

const pathOf = (id: number, bizId = DEMO_BIZ) => `/api/v3/proc/0/${bizId}/${id}`;

/** The row without the columns every write bumps. */
async function attributesOf(id: number) {
  const row = await processRow(id);
  if (!row) throw new Error(`process ${id} is gone`);
  const { revision: _revision, last_time: _lastTime, ...attributes } = row;
  return attributes;
}

describe("update_process", () => {
  it("changes only the given attributes and answers data null", async () => {
    const id = await createProcess({ bk_func_name: "java", port: "80", timeout: 10, start_cmd: "./a", description: "keep me" });
    const before = await attributesOf(id);

    const reply = await cmdb("PUT", pathOf(id), { body: { port: "8080-8089", timeout: 20 } });
    expect(expectSuccess(reply)).toBeNull();
    expect(await attributesOf(id)).toEqual({ ...before, port: "8080-8089", timeout: 20 });
  });

  it("renames a process and shows the new values in the detail", async () => {
    const id = await createProcess();
    const name = uniqueName("renamed");
    expectSuccess(await cmdb("PUT", pathOf(id), { body: { bk_process_name: name, auto_start: true } }));
    const detail = expectSuccess<{ bk_property_id: string; bk_property_value: unknown }[]>(await cmdb("GET", pathOf(id)));
    expect(detail.find((row) => row.bk_property_id === "bk_process_name")?.bk_property_value).toBe(name);
    expect(detail.find((row) => row.bk_property_id === "auto_start")?.bk_property_value).toBe(true);
  });

  it("clears an optional attribute given as null", async () => {
    const id = await createProcess({ timeout: 10, description: "x", bind_ip: "1" });
    expectSuccess(await cmdb("PUT", pathOf(id), { body: { timeout: null, description: null, bind_ip: null } }));
    expect(await processRow(id)).toMatchObject({ timeout: null, description: "", bind_ip: null });
  });

  it("writes one audit row holding only the changed attributes before and after", async () => {
    const id = await createProcess({ port: "80", timeout: 10, user: "root" });
    expectSuccess(await cmdb("PUT", pathOf(id), { body: { port: "81", timeout: 10, user: "app" }, operator: "bob" }));

    const rows = await auditRows(id, "update");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: "bob", actor_type: "app", app_code: APP.code, bk_biz_id: DEMO_BIZ });
    expect(rows[0].before).toEqual({ port: "80", user: "root" });
    expect(rows[0].after).toEqual({ port: "81", user: "app" });
  });

  it("answers an unknown id with 1199019 and HTTP 404", async () => {
    expectCmdbError(await cmdb("PUT", pathOf(2147483646), { body: { port: "81" } }), 1199019, 404);
  });

  it("does not touch a process of another business named through this business's path", async () => {
    const otherBiz = await createBusiness("update-other");
    const foreignId = await createProcess({ port: "80" }, otherBiz);
    expectCmdbError(await cmdb("PUT", pathOf(foreignId), { body: { port: "81" } }), 1199019, 404);
    expect((await processRow(foreignId))?.port).toBe("80");
  });

  it("refuses a name another process of the business has: 1199028, HTTP 409, nothing changed", async () => {
    const taken = uniqueName("taken");
    await createProcess({ bk_process_name: taken });
    const id = await createProcess({ port: "80" });
    const before = await attributesOf(id);

    expectCmdbError(await cmdb("PUT", pathOf(id), { body: { bk_process_name: taken, port: "81" } }), 1199028, 409, "bk_process_name", taken);
    expect(await attributesOf(id)).toEqual(before);
    expect(await auditRows(id, "update")).toEqual([]);
  });

  it("allows the same name in another business", async () => {
    const shared = uniqueName("shared");
    await createProcess({ bk_process_name: shared });
    const otherBiz = await createBusiness("update-samename");
    const id = await createProcess({}, otherBiz);
    expectSuccess(await cmdb("PUT", pathOf(id, otherBiz), { body: { bk_process_name: shared } }));
    expect((await processRow(id))?.bk_process_name).toBe(shared);
  });

  it("validates like create, naming the field, and changes nothing", async () => {
    const id = await createProcess({ port: "80" });
    const before = await attributesOf(id);
    const cases: [Record<string, unknown>, string][] = [
      [{ port: "90-80" }, "port"],
      [{ timeout: "abc" }, "timeout"],
      [{ bk_func_name: "" }, "bk_func_name"],
      [{ bk_process_name: null }, "bk_process_name"],
      [{ colour: "red" }, "colour"],
      [{ bind_ip: 2 }, "bind_ip"],
    ];
    for (const [body, field] of cases) {
      expectCmdbError(await cmdb("PUT", pathOf(id), { body: { ...body, user: "changed" } }), 1199028, 400, field);
    }
    expect(await attributesOf(id)).toEqual(before);
  });
});
