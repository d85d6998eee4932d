// batch_update_process: PUT /api/v3/proc/{bk_supplier_account}/{bk_biz_id} with {"bk_process_id": "44,45,46", ...}
import { describe, expect, it } from "vitest";
import { APP, auditRows, cmdb, createBusiness, createProcess, DEMO_BIZ, expectCmdbError, expectSuccess, sql } from "./support/cmdb-client";

const BATCH_PATH = `/api/v3/proc/0/${DEMO_BIZ}`;

type TSnapshot = Record<string, unknown>;

/** Every column of these processes, by id, to prove "nothing changed". */
async function snapshot(ids: number[]): Promise<TSnapshot[]> {
  return sql<TSnapshot>(`SELECT * FROM process WHERE bk_process_id = ANY($1::int[]) ORDER BY bk_process_id`, [ids]);
}

async function updateAudits(ids: number[]) {
  return (await Promise.all(ids.map((id) => auditRows(id, "update")))).flat();
}

async function threeProcesses() {
  return [await createProcess({ port: "80", start_cmd: "./a" }), await createProcess({ port: "81", start_cmd: "./b" }), await createProcess({ port: "82", start_cmd: "./c" })];
}

describe("batch_update_process", () => {
  it("applies the attributes to every listed process and answers data null", async () => {
    const ids = await threeProcesses();
    const names = (await snapshot(ids)).map((row) => row.bk_process_name);

    const reply = await cmdb("PUT", BATCH_PATH, { body: { bk_process_id: ids.join(","), start_cmd: "./start.sh 8080", port: "1000" } });
    expect(expectSuccess(reply)).toBeNull();

    const rows = await snapshot(ids);
    expect(rows.map((row) => [row.port, row.start_cmd])).toEqual(ids.map(() => ["1000", "./start.sh 8080"]));
    expect(rows.map((row) => row.bk_process_name)).toEqual(names);
  });

  it("writes one audit row per changed process with the operator and that process's old values", async () => {
    const ids = await threeProcesses();
    expectSuccess(await cmdb("PUT", BATCH_PATH, { body: { bk_process_id: ids.join(","), port: "2000" }, operator: "dave" }));

    const audits = await updateAudits(ids);
    expect(audits).toHaveLength(3);
    expect(audits.map((row) => [Number(row.object_id), row.actor, row.app_code, row.before, row.after])).toEqual([
      [ids[0], "dave", APP.code, { port: "80" }, { port: "2000" }],
      [ids[1], "dave", APP.code, { port: "81" }, { port: "2000" }],
      [ids[2], "dave", APP.code, { port: "82" }, { port: "2000" }],
    ]);
  });

  it("writes no audit row for a listed process that already has the values", async () => {
    const ids = await threeProcesses();
    expectSuccess(await cmdb("PUT", BATCH_PATH, { body: { bk_process_id: ids.join(","), port: "81" } }));
    expect((await updateAudits(ids)).map((row) => Number(row.object_id))).toEqual([ids[0], ids[2]]);
  });

  it("accepts ids with spaces, repeats and a single id given as a number", async () => {
    const ids = await threeProcesses();
    expectSuccess(await cmdb("PUT", BATCH_PATH, { body: { bk_process_id: ` ${ids[0]} , ${ids[1]},${ids[0]}`, user: "svc" } }));
    expect((await snapshot(ids)).map((row) => row.user)).toEqual(["svc", "svc", ""]);

    expectSuccess(await cmdb("PUT", BATCH_PATH, { body: { bk_process_id: ids[2], user: "solo" } }));
    expect((await snapshot([ids[2]]))[0].user).toBe("solo");
  });

  it("changes nothing when one id does not exist: 1199028 naming it", async () => {
    const ids = await threeProcesses();
    const before = await snapshot(ids);
    const missing = 2147483600;

    const reply = await cmdb("PUT", BATCH_PATH, { body: { bk_process_id: [...ids, missing].join(","), port: "3000" }, lang: "en" });
    expectCmdbError(reply, 1199028, 400, String(missing), /nothing was changed/);
    expect(await snapshot(ids)).toEqual(before);
    expect(await updateAudits(ids)).toEqual([]);
  });

  it("changes nothing when one id belongs to another business", async () => {
    const ids = await threeProcesses();
    const otherBiz = await createBusiness("batch-other");
    const foreignId = await createProcess({ port: "9" }, otherBiz);
    const before = await snapshot([...ids, foreignId]);

    const reply = await cmdb("PUT", BATCH_PATH, { body: { bk_process_id: `${ids.join(",")},${foreignId}`, port: "3000" } });
    expectCmdbError(reply, 1199028, 400, String(foreignId));
    expect(await snapshot([...ids, foreignId])).toEqual(before);
    expect(await updateAudits([...ids, foreignId])).toEqual([]);
  });

  it("changes nothing when one attribute is invalid", async () => {
    const ids = await threeProcesses();
    const before = await snapshot(ids);
    expectCmdbError(await cmdb("PUT", BATCH_PATH, { body: { bk_process_id: ids.join(","), port: "70000", user: "x" } }), 1199028, 400, "port");
    expect(await snapshot(ids)).toEqual(before);
  });

  it.each(["bk_process_name", "bk_func_id"])("refuses to set %s, changing nothing", async (field) => {
    const ids = await threeProcesses();
    const before = await snapshot(ids);
    const reply = await cmdb("PUT", BATCH_PATH, { body: { bk_process_id: ids.join(","), [field]: "same-for-all", port: "4000" }, lang: "en" });
    expectCmdbError(reply, 1199028, 400, field, /batch/);
    expect(await snapshot(ids)).toEqual(before);
    expect(await updateAudits(ids)).toEqual([]);
  });

  it("refuses a body without bk_process_id, changing nothing", async () => {
    const ids = await threeProcesses();
    const before = await snapshot(ids);
    for (const body of [{ port: "5000" }, { bk_process_id: "", port: "5000" }, { bk_process_id: null, port: "5000" }]) {
      expectCmdbError(await cmdb("PUT", BATCH_PATH, { body }), 1199028, 400, "bk_process_id");
    }
    expect(await snapshot(ids)).toEqual(before);
  });

  it("refuses non-integer ids with 1199003 naming them, changing nothing", async () => {
    const ids = await threeProcesses();
    const before = await snapshot(ids);
    const reply = await cmdb("PUT", BATCH_PATH, { body: { bk_process_id: `${ids[0]},abc,-1`, port: "5000" } });
    expectCmdbError(reply, 1199003, 400, "bk_process_id", "abc");
    expect(await snapshot(ids)).toEqual(before);
  });
});
