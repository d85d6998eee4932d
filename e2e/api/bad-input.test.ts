// The bad-input list: every refusal is a CMDB error envelope with the right code and HTTP status,
// a message naming the field or reason, and no change to the data.
import { beforeAll, describe, expect, it } from "vitest";
import { auditRows, cmdb, createProcess, DEMO_BIZ, expectCmdbError, expectSuccess, processCount, processRow, uniqueName } from "./support/cmdb-client";

const CREATE_PATH = `/api/v3/proc/0/${DEMO_BIZ}`;
const SEARCH_PATH = `/api/v3/proc/search/0/${DEMO_BIZ}`;

const valid = () => ({ bk_process_name: uniqueName("bad-input"), bk_func_name: "worker" });

/** Sends a create that must be refused with 1199028 naming `field` (and `reason`), and proves nothing was created. */
async function expectCreateRefused(body: Record<string, unknown>, field: string, reason?: RegExp) {
  const before = await processCount();
  const reply = await cmdb("POST", CREATE_PATH, { body, lang: "en" });
  expectCmdbError(reply, 1199028, 400, field, ...(reason ? [reason] : []));
  expect(await processCount()).toBe(before);
}

describe("malformed bodies", () => {
  it.each(["{bad", '{"bk_process_name": "x",}', "{'a': 1}", '{"a": 1', "nul"])("refuses the malformed JSON %j with 1199000, creating nothing", async (rawBody) => {
    const before = await processCount();
    expectCmdbError(await cmdb("POST", CREATE_PATH, { rawBody }), 1199000, 400);
    expect(await processCount()).toBe(before);
  });

  it.each(["[]", '"text"', "42", "null", "true"])("refuses the JSON %s that is not an object with 1199000", async (rawBody) => {
    const before = await processCount();
    expectCmdbError(await cmdb("POST", CREATE_PATH, { rawBody, lang: "en" }), 1199000, 400, /JSON object/);
    expect(await processCount()).toBe(before);
  });

  it("refuses malformed JSON on update, batch update and search, changing nothing", async () => {
    const id = await createProcess({ port: "80" });
    const before = await processRow(id);
    expectCmdbError(await cmdb("PUT", `${CREATE_PATH}/${id}`, { rawBody: '{"port": "81"' }), 1199000, 400);
    expectCmdbError(await cmdb("PUT", CREATE_PATH, { rawBody: `{"bk_process_id": "${id}", "port": ` }), 1199000, 400);
    expectCmdbError(await cmdb("POST", SEARCH_PATH, { rawBody: "{page:" }), 1199000, 400);
    expect(await processRow(id)).toEqual(before);
  });

  it("refuses a 1 MB body with 413 and 1199006, creating nothing", async () => {
    const before = await processCount();
    const rawBody = JSON.stringify({ ...valid(), description: "x".repeat(1024 * 1024) });
    expectCmdbError(await cmdb("POST", CREATE_PATH, { rawBody, lang: "en" }), 1199006, 413, /too large/);
    expect(await processCount()).toBe(before);
  });

  it("refuses a 1 MB body sent in chunks with 413, and the connection serves the next requests", async () => {
    const before = await processCount();
    const rawBody = JSON.stringify({ ...valid(), description: "x".repeat(1024 * 1024) });
    expectCmdbError(await cmdb("POST", CREATE_PATH, { rawBody, isStreamed: true }), 1199006, 413);
    for (let i = 0; i < 5; i++) expectSuccess(await cmdb("POST", SEARCH_PATH, { body: { page: { limit: 1 } } }));
    expect(await processCount()).toBe(before);
  });

  it("accepts a body sent in chunks", async () => {
    const body = valid();
    const { bk_process_id } = expectSuccess<{ bk_process_id: number }>(await cmdb("POST", CREATE_PATH, { rawBody: JSON.stringify(body), isStreamed: true }));
    expect((await processRow(bk_process_id))?.bk_process_name).toBe(body.bk_process_name);
  });

  it("refuses a 1 MB update with 413, changing nothing", async () => {
    const id = await createProcess({ start_cmd: "./a" });
    const before = await processRow(id);
    const rawBody = JSON.stringify({ start_cmd: "y".repeat(1024 * 1024) });
    expectCmdbError(await cmdb("PUT", `${CREATE_PATH}/${id}`, { rawBody }), 1199006, 413);
    expect(await processRow(id)).toEqual(before);
  });

  it("still accepts a process with every command at its limit", async () => {
    const long = "c".repeat(2000);
    const id = await createProcess({ start_cmd: long, stop_cmd: long, restart_cmd: long, face_stop_cmd: long, reload_cmd: long, work_path: long, pid_file: long, bk_start_param_regex: long });
    expect((await processRow(id))?.reload_cmd).toBe(long);
  });
});

describe("attribute checks on create", () => {
  it.each([
    ["timeout", "abc", /integer/],
    ["timeout", "10", /integer/],
    ["proc_num", 1.5, /integer/],
    ["priority", true, /integer/],
    ["auto_start", "yes", /true or false/],
    ["auto_start", 1, /true or false/],
    ["auto_start", "true", /true or false/],
    ["bk_process_name", 123, /string/],
    ["bk_func_name", ["java"], /string/],
    ["description", { text: "x" }, /string/],
    ["start_cmd", 5, /string/],
    ["port", true, /string/],
    ["port", [80], /string/],
  ])("refuses %s given the wrong JSON type %j", async (field, value, reason) => {
    await expectCreateRefused({ ...valid(), [field]: value }, field, reason);
  });

  it.each([
    ["color", "red"],
    ["bk_process_id", 5],
    ["bk_module_name", "gateway"],
    ["Port", "80"],
  ])("refuses the unknown field %s", async (field, value) => {
    await expectCreateRefused({ ...valid(), [field]: value }, field, /unknown attribute/);
  });

  it.each([
    ["bind_ip", 1],
    ["bind_ip", "5"],
    ["bind_ip", "0.0.0.0"],
    ["protocol", 1],
    ["protocol", "3"],
    ["protocol", "tcp"],
  ])("refuses %s %j, which is not one of its options", async (field, value) => {
    await expectCreateRefused({ ...valid(), [field]: value }, field, /must be one of "1"/);
  });

  it("stores an enum given as \"\" as unset, as bk-cmdb's UI form sends an untouched one", async () => {
    const id = await createProcess({ protocol: "", bind_ip: "" });
    expect(await processRow(id)).toMatchObject({ protocol: null, bind_ip: null });
  });

  it.each([["1", "1"], ["2", "4"]])("accepts protocol %s and bind_ip %s given as strings", async (protocol, bindIp) => {
    const id = await createProcess({ protocol, bind_ip: bindIp });
    expect(await processRow(id)).toMatchObject({ protocol, bind_ip: bindIp });
  });

  it.each([0, 70000, -1, "0", "65536", "80-", "90-80", "-80", "abc", "80,,90", "80, 90", " 80", "80-90-100", "1e3", "8080 ", 80.5])("refuses the port %j", async (port) => {
    await expectCreateRefused({ ...valid(), port }, "port");
  });

  it.each(["1", "65535", "1-65535", "80,443,8000-8010", "8080-8080", 443])("accepts the port %j", async (port) => {
    const id = await createProcess({ port });
    expect((await processRow(id))?.port).toBe(String(port));
  });

  it("explains a bad port in English", async () => {
    const cases: [unknown, RegExp][] = [
      [70000, /70000 is outside 1-65535/],
      ["90-80", /90-80 runs backwards/],
      ["80-", /'80-' is not a port/],
    ];
    for (const [port, reason] of cases) await expectCreateRefused({ ...valid(), port }, "port", reason);
  });

  it.each([
    ["timeout", 0],
    ["timeout", 10001],
    ["proc_num", -1],
    ["auto_time_gap", 0],
    ["priority", 2147483648],
  ])("refuses %s %j, outside 1-10000", async (field, value) => {
    await expectCreateRefused({ ...valid(), [field]: value }, field, /between 1 and 10000/);
  });

  it("accepts the int bounds 1 and 10000", async () => {
    const id = await createProcess({ timeout: 1, proc_num: 10000, priority: 1, auto_time_gap: 10000 });
    expect(await processRow(id)).toMatchObject({ timeout: 1, proc_num: 10000, priority: 1, auto_time_gap: 10000 });
  });

  it.each([
    ["bk_process_name", 257],
    ["bk_func_name", 257],
    ["description", 257],
    ["user", 257],
    ["start_cmd", 2001],
    ["work_path", 2001],
    ["face_stop_cmd", 2001],
  ])("refuses %s of %i characters", async (field, length) => {
    await expectCreateRefused({ ...valid(), [field]: "n".repeat(length) }, field, new RegExp(`longer than ${length - 1}`));
  });

  it("accepts a 256-character name and a 2000-character command", async () => {
    const name = `${uniqueName("long")}-`.padEnd(256, "n");
    const id = await createProcess({ bk_process_name: name, start_cmd: "s".repeat(2000) });
    const row = await processRow(id);
    expect(row?.bk_process_name).toHaveLength(256);
    expect(row?.start_cmd).toHaveLength(2000);
  });

  it("counts characters, not bytes: 256 Chinese characters are accepted", async () => {
    const id = await createProcess({ description: "进".repeat(256) });
    expect((await processRow(id))?.description).toBe("进".repeat(256));
  });
});

describe("path parameters", () => {
  let id = 0;
  beforeAll(async () => {
    id = await createProcess({ port: "80" });
  });

  it.each(["abc", "0", "-1", "1.5", "1e3", "99999999999", "%20"])("refuses the process id %j with 1199003 on every process endpoint", async (badId) => {
    const paths: [string, string][] = [
      ["GET", `${CREATE_PATH}/${badId}`],
      ["PUT", `${CREATE_PATH}/${badId}`],
      ["DELETE", `${CREATE_PATH}/${badId}`],
      ["GET", `/api/v3/proc/module/0/${DEMO_BIZ}/${badId}`],
      ["PUT", `/api/v3/proc/module/0/${DEMO_BIZ}/${badId}/gateway`],
      ["DELETE", `/api/v3/proc/module/0/${DEMO_BIZ}/${badId}/gateway`],
    ];
    for (const [method, path] of paths) {
      expectCmdbError(await cmdb(method, path, { body: method === "PUT" ? { port: "81" } : undefined, lang: "en" }), 1199003, 400, "bk_process_id");
    }
    expect((await processRow(id))?.port).toBe("80");
  });

  it.each(["abc", "0", "2x"])("refuses the business id %j with 1199003", async (badBiz) => {
    for (const [method, path] of [
      ["POST", `/api/v3/proc/0/${badBiz}`],
      ["POST", `/api/v3/proc/search/0/${badBiz}`],
      ["GET", `/api/v3/proc/0/${badBiz}/${id}`],
      ["GET", `/api/v3/proc/module/0/${badBiz}/${id}`],
    ]) {
      expectCmdbError(await cmdb(method, path, { body: method === "POST" ? valid() : undefined, lang: "en" }), 1199003, 400, "bk_biz_id");
    }
  });

  it("answers an unknown business with 1199019 on every endpoint, creating nothing", async () => {
    const before = await processCount();
    const unknownBiz = 999999;
    const calls: [string, string, unknown][] = [
      ["POST", `/api/v3/proc/0/${unknownBiz}`, valid()],
      ["PUT", `/api/v3/proc/0/${unknownBiz}`, { bk_process_id: String(id), port: "81" }],
      ["POST", `/api/v3/proc/search/0/${unknownBiz}`, {}],
      ["GET", `/api/v3/proc/0/${unknownBiz}/${id}`, undefined],
      ["PUT", `/api/v3/proc/0/${unknownBiz}/${id}`, { port: "81" }],
      ["DELETE", `/api/v3/proc/0/${unknownBiz}/${id}`, undefined],
      ["GET", `/api/v3/proc/module/0/${unknownBiz}/${id}`, undefined],
      ["PUT", `/api/v3/proc/module/0/${unknownBiz}/${id}/gateway`, undefined],
      ["DELETE", `/api/v3/proc/module/0/${unknownBiz}/${id}/gateway`, undefined],
    ];
    for (const [method, path, body] of calls) {
      expectCmdbError(await cmdb(method, path, { body, lang: "en" }), 1199019, 404, String(unknownBiz));
    }
    expect(await processCount()).toBe(before);
    expect((await processRow(id))?.port).toBe("80");
  });

  it("answers the demo business under another supplier account with 1199019", async () => {
    expectCmdbError(await cmdb("GET", `/api/v3/proc/7/${DEMO_BIZ}/${id}`), 1199019, 404);
    expectCmdbError(await cmdb("POST", `/api/v3/proc/search/7/${DEMO_BIZ}`, { body: {} }), 1199019, 404);
  });
});

describe("search parameters", () => {
  it.each([
    [{ page: { limit: 0 } }, /page.limit/],
    [{ page: { limit: 201 } }, /page.limit/],
    [{ page: { limit: -5 } }, /page.limit/],
    [{ page: { limit: "10" } }, /page.limit/],
    [{ page: { limit: 2.5 } }, /page.limit/],
    [{ page: { start: -1 } }, /page.start/],
    [{ page: { sort: "color" } }, /page.sort.*color/],
    [{ page: { sort: "-color" } }, /page.sort.*color/],
    [{ page: { sort: "bk_process_name,nope" } }, /page.sort.*nope/],
    [{ page: { sort: "bk_module_name" } }, /page.sort.*bk_module_name/],
    [{ page: { size: 10 } }, /page.*size/],
    [{ page: "first" }, /page/],
    [{ fields: "bk_process_name" }, /fields/],
    [{ fields: ["nope"] }, /fields.*nope/],
    [{ condition: { color: "red" } }, /condition.*color/],
    [{ condition: { timeout: "abc" } }, /condition.timeout/],
    [{ condition: { auto_start: "yes" } }, /condition.auto_start/],
    [{ condition: { port: { $in: [] } } }, /condition.port/],
    [{ condition: { port: { $regex: "(" } } }, /condition.port.\$regex/],
    [{ condition: { port: { $like: "8" } } }, /condition.port.*\$like/],
    [{ condition: [] }, /condition/],
    [{ filter: {} }, /filter/],
  ])("refuses %j with 1199006 naming the parameter", async (body, reason) => {
    expectCmdbError(await cmdb("POST", SEARCH_PATH, { body, lang: "en" }), 1199006, 400, reason);
  });

  it("accepts limit 1 and limit 200", async () => {
    const one = expectSuccess<{ count: number; info: unknown[] }>(await cmdb("POST", SEARCH_PATH, { body: { page: { limit: 1 } } }));
    expect(one.info).toHaveLength(1);
    expect(one.count).toBeGreaterThan(1);
    expectSuccess(await cmdb("POST", SEARCH_PATH, { body: { page: { limit: 200 } } }));
  });

  it("accepts an empty body as 'every process of the business' (no page: no limit, as bk-cmdb)", async () => {
    const data = expectSuccess<{ count: number; info: unknown[] }>(await cmdb("POST", SEARCH_PATH));
    expect(data.count).toBeGreaterThanOrEqual(12);
    expect(data.info.length).toBe(data.count);
  });
});

describe("refusals write no audit", () => {
  it("leaves no audit row behind for a refused update", async () => {
    const id = await createProcess();
    expectCmdbError(await cmdb("PUT", `${CREATE_PATH}/${id}`, { body: { timeout: "abc" } }), 1199028, 400);
    expectCmdbError(await cmdb("PUT", `${CREATE_PATH}/${id}`, { rawBody: "{" }), 1199000, 400);
    expect(await auditRows(id, "update")).toEqual([]);
  });
});
