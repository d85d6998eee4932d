// Each change and its audit row commit together (README: "The audit trail"): when the audit row cannot be
// written, the change must not happen either, and the caller gets a 1199999 envelope, not a stack trace.
// A trigger makes audit inserts fail for objects named "audit-fail-<action>-…".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRows, bindingNames, cmdb, createProcess, DEMO_BIZ, expectCmdbError, processCount, processRow, sql, uniqueName } from "./support/cmdb-client";

const CREATE_PATH = `/api/v3/proc/0/${DEMO_BIZ}`;
const failingName = (action: string) => uniqueName(`audit-fail-${action}`);

beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE FUNCTION procdeck_test_fail_audit() RETURNS trigger AS $$
    BEGIN
      IF NEW.object_name LIKE 'audit-fail-' || NEW.action || '-%' THEN
        RAISE EXCEPTION 'audit write refused by test trigger';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await sql(`DROP TRIGGER IF EXISTS procdeck_test_fail_audit ON audit_entry`);
  await sql(`CREATE TRIGGER procdeck_test_fail_audit BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION procdeck_test_fail_audit()`);
});

afterAll(async () => {
  await sql(`DROP TRIGGER IF EXISTS procdeck_test_fail_audit ON audit_entry`);
  await sql(`DROP FUNCTION IF EXISTS procdeck_test_fail_audit()`);
});

/** Renames a process straight in the database, so that its next audited action fails. */
async function renameInDb(id: number, name: string) {
  await sql(`UPDATE process SET bk_process_name = $1 WHERE bk_process_id = $2`, [name, id]);
}

describe("a change whose audit row cannot be written", () => {
  it("create: no process is left behind", async () => {
    const before = await processCount();
    const reply = await cmdb("POST", CREATE_PATH, { body: { bk_process_name: failingName("create"), bk_func_name: "x" } });
    expectCmdbError(reply, 1199999, 500);
    expect(reply.text).not.toMatch(/test trigger|audit_entry|prisma/i);
    expect(await processCount()).toBe(before);
  });

  it("update: the process keeps its old values", async () => {
    const id = await createProcess({ port: "80" });
    const name = failingName("update");
    await renameInDb(id, name);
    expectCmdbError(await cmdb("PUT", `${CREATE_PATH}/${id}`, { body: { port: "81" } }), 1199999, 500);
    expect(await processRow(id)).toMatchObject({ port: "80", bk_process_name: name });
  });

  it("batch update: none of the listed processes changes", async () => {
    const ids = [await createProcess({ port: "80" }), await createProcess({ port: "80" }), await createProcess({ port: "80" })];
    await renameInDb(ids[2], failingName("update"));
    expectCmdbError(await cmdb("PUT", CREATE_PATH, { body: { bk_process_id: ids.join(","), port: "81" } }), 1199999, 500);
    const ports = await sql<{ port: string }>(`SELECT port FROM process WHERE bk_process_id = ANY($1::int[])`, [ids]);
    expect(ports.map((row) => row.port)).toEqual(["80", "80", "80"]);
    expect((await Promise.all(ids.map((id) => auditRows(id, "update")))).flat()).toEqual([]);
  });

  it("delete: the process stays", async () => {
    const id = await createProcess();
    await renameInDb(id, failingName("delete"));
    expectCmdbError(await cmdb("DELETE", `${CREATE_PATH}/${id}`), 1199999, 500);
    expect(await processRow(id)).toBeDefined();
  });

  it("bind: no binding is left behind", async () => {
    const id = await createProcess();
    await renameInDb(id, failingName("bind"));
    expectCmdbError(await cmdb("PUT", `/api/v3/proc/module/0/${DEMO_BIZ}/${id}/db`), 1199999, 500);
    expect(await bindingNames(id)).toEqual([]);
  });

  it("unbind: the binding stays", async () => {
    const id = await createProcess();
    await sql(`INSERT INTO process_module_binding (bk_biz_id, bk_process_id, bk_module_name) VALUES ($1, $2, 'db')`, [DEMO_BIZ, id]);
    await renameInDb(id, failingName("unbind"));
    expectCmdbError(await cmdb("DELETE", `/api/v3/proc/module/0/${DEMO_BIZ}/${id}/db`, { lang: "en" }), 1199999, 500, /internal server error/);
    expect(await bindingNames(id)).toEqual(["db"]);
  });
});
