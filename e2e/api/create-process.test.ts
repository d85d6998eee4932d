// create_process: POST /api/v3/proc/{bk_supplier_account}/{bk_biz_id}
import { describe, expect, it } from "vitest";
import { auditRows, cmdb, createProcess, DEMO_BIZ, expectCmdbError, expectSuccess, OPERATOR, APP, processCount, processRow, sql, uniqueName } from "./support/cmdb-client";

const CREATE_PATH = `/api/v3/proc/0/${DEMO_BIZ}`;

describe("create_process", () => {
  it("returns the new bk_process_id and stores every given attribute in the path's business", async () => {
    const name = uniqueName("create-full");
    const reply = await cmdb("POST", CREATE_PATH, {
      body: {
        bk_process_name: name,
        bk_func_name: "nginx",
        bk_func_id: "77",
        description: "front proxy",
        bind_ip: "2",
        port: "80,443,8000-8010",
        protocol: "1",
        work_path: "/data/cc/running",
        user: "cc",
        proc_num: 2,
        priority: 5,
        timeout: 60,
        start_cmd: "./start.sh",
        stop_cmd: "./stop.sh",
        restart_cmd: "./restart.sh",
        face_stop_cmd: "kill -9 $(cat pid)",
        reload_cmd: "./reload.sh",
        pid_file: "/var/run/x.pid",
        auto_start: true,
        auto_time_gap: 30,
        bk_start_param_regex: "x\\.conf",
      },
    });
    const data = expectSuccess<{ bk_process_id: number }>(reply);
    expect(Object.keys(data)).toEqual(["bk_process_id"]);
    expect(Number.isInteger(data.bk_process_id)).toBe(true);

    expect(await processRow(data.bk_process_id)).toMatchObject({
      bk_biz_id: DEMO_BIZ,
      bk_supplier_account: "0",
      bk_process_name: name,
      bk_func_name: "nginx",
      bk_func_id: "77",
      description: "front proxy",
      bind_ip: "2",
      port: "80,443,8000-8010",
      protocol: "1",
      work_path: "/data/cc/running",
      user: "cc",
      proc_num: 2,
      priority: 5,
      timeout: 60,
      start_cmd: "./start.sh",
      stop_cmd: "./stop.sh",
      restart_cmd: "./restart.sh",
      face_stop_cmd: "kill -9 $(cat pid)",
      reload_cmd: "./reload.sh",
      pid_file: "/var/run/x.pid",
      auto_start: true,
      auto_time_gap: 30,
      bk_start_param_regex: "x\\.conf",
    });
  });

  it("accepts the document's example body, storing the JSON number port as its string", async () => {
    const name = uniqueName("create-doc");
    const reply = await cmdb("POST", CREATE_PATH, {
      body: { bk_process_name: name, port: 80, bind_ip: "1", protocol: "1", bk_func_name: "nginx", work_path: "/data/cc/running", user: "cc" },
    });
    const { bk_process_id } = expectSuccess<{ bk_process_id: number }>(reply);
    expect(await processRow(bk_process_id)).toMatchObject({ bk_process_name: name, port: "80", bind_ip: "1", protocol: "1" });
  });

  it("leaves unset optional attributes empty: text as '' and numbers, enums and booleans as null", async () => {
    const id = await createProcess({ bk_process_name: uniqueName("create-min"), bk_func_name: "java" });
    expect(await processRow(id)).toMatchObject({ description: "", port: "", bind_ip: null, protocol: null, timeout: null, auto_start: null, start_cmd: "" });
  });

  it("gives each process its own id", async () => {
    const first = await createProcess();
    const second = await createProcess();
    expect(second).not.toBe(first);
  });

  it("accepts a bk_biz_id in the body that matches the path", async () => {
    const id = await createProcess({ bk_biz_id: DEMO_BIZ });
    expect((await processRow(id))?.bk_biz_id).toBe(DEMO_BIZ);
  });

  it("refuses a bk_biz_id in the body that differs from the path, creating nothing", async () => {
    const before = await processCount();
    const reply = await cmdb("POST", CREATE_PATH, { body: { bk_process_name: uniqueName("create-biz"), bk_func_name: "x", bk_biz_id: 999 } });
    expectCmdbError(reply, 1199028, 400, "bk_biz_id");
    expect(await processCount()).toBe(before);
  });

  it("writes one audit row with the operator, app code and the new record", async () => {
    const name = uniqueName("create-audit");
    const reply = await cmdb("POST", CREATE_PATH, { body: { bk_process_name: name, bk_func_name: "java", port: "9000" }, operator: "alice" });
    const { bk_process_id } = expectSuccess<{ bk_process_id: number }>(reply);

    const rows = await auditRows(bk_process_id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: "create", actor: "alice", actor_type: "app", app_code: APP.code, bk_biz_id: DEMO_BIZ, object_name: name, before: null });
    expect(rows[0].after).toMatchObject({ bk_process_id, bk_process_name: name, bk_func_name: "java", port: "9000", bk_biz_id: DEMO_BIZ });
    expect(rows[0].actor).not.toBe(OPERATOR);
  });
});

describe("create_process refusals", () => {
  it("refuses a second process with the same name in the business: 1199028, HTTP 409, no row, no audit", async () => {
    const name = uniqueName("dup");
    const firstId = await createProcess({ bk_process_name: name });
    const before = await processCount();

    const reply = await cmdb("POST", CREATE_PATH, { body: { bk_process_name: name, bk_func_name: "other" }, lang: "en" });
    expectCmdbError(reply, 1199028, 409, "bk_process_name", name, /already exists/);
    expect(await processCount()).toBe(before);
    const creates = await sql<{ object_id: string }>(`SELECT object_id FROM audit_entry WHERE action = 'create' AND object_name = $1`, [name]);
    expect(creates).toEqual([{ object_id: String(firstId) }]);
    expect((await processRow(firstId))?.bk_func_name).toBe("worker");
  });

  it("refuses a process without bk_process_name or bk_func_name, naming the missing field", async () => {
    const before = await processCount();
    expectCmdbError(await cmdb("POST", CREATE_PATH, { body: { bk_func_name: "x" }, lang: "en" }), 1199028, 400, /bk_process_name is required/);
    expectCmdbError(await cmdb("POST", CREATE_PATH, { body: { bk_process_name: uniqueName("nofunc") }, lang: "en" }), 1199028, 400, /bk_func_name is required/);
    expectCmdbError(await cmdb("POST", CREATE_PATH, { body: {} }), 1199028, 400, "bk_process_name", "bk_func_name");
    expect(await processCount()).toBe(before);
  });

  it("refuses a blank required name", async () => {
    const before = await processCount();
    const reply = await cmdb("POST", CREATE_PATH, { body: { bk_process_name: "   ", bk_func_name: "x" }, lang: "en" });
    expectCmdbError(reply, 1199028, 400, /bk_process_name .*empty/);
    expect(await processCount()).toBe(before);
  });

  it("names every bad field at once", async () => {
    const reply = await cmdb("POST", CREATE_PATH, { body: { bk_process_name: uniqueName("multi"), bk_func_name: "x", timeout: "abc", protocol: "9", color: "red" }, lang: "en" });
    expectCmdbError(reply, 1199028, 400, "timeout", "protocol", "color");
  });
});
