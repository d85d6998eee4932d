// search_process: POST /api/v3/proc/search/{bk_supplier_account}/{bk_biz_id}
import { beforeAll, describe, expect, it } from "vitest";
import { cmdb, createBusiness, createProcess, DEMO_BIZ, expectCmdbError, expectSuccess, sql, uniqueName } from "./support/cmdb-client";

type TSearchData = { count: number; info: Record<string, unknown>[] };

const ALL_FIELDS = [
  "bk_process_id",
  "bk_biz_id",
  "bk_supplier_account",
  "bk_process_name",
  "description",
  "bk_func_id",
  "bk_func_name",
  "bind_ip",
  "port",
  "protocol",
  "work_path",
  "user",
  "proc_num",
  "priority",
  "timeout",
  "start_cmd",
  "stop_cmd",
  "restart_cmd",
  "face_stop_cmd",
  "reload_cmd",
  "pid_file",
  "auto_start",
  "auto_time_gap",
  "bk_start_param_regex",
];

async function search(body: unknown, bizId = DEMO_BIZ): Promise<TSearchData> {
  return expectSuccess<TSearchData>(await cmdb("POST", `/api/v3/proc/search/0/${bizId}`, { body }));
}

async function namesFor(condition: Record<string, unknown>, sort?: string): Promise<string[]> {
  const data = await search({ condition, fields: ["bk_process_name"], page: sort ? { sort } : undefined });
  return data.info.map((row) => row.bk_process_name as string);
}

describe("search_process conditions", () => {
  const tag = uniqueName("srch");
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ids.percent = await createProcess({ bk_process_name: `${tag}-a%b`, bk_func_name: `fn-${tag}`, timeout: 77, bk_func_id: "555", port: "8080", priority: 1 });
    ids.plain = await createProcess({ bk_process_name: `${tag}-axb`, bk_func_name: `fn-${tag}-long`, timeout: 78, port: "80,443", priority: 2 });
    ids.underscore = await createProcess({ bk_process_name: `${tag}-a_c`, bk_func_name: `fn-${tag}`, auto_start: true, priority: 3 });
    ids.upper = await createProcess({ bk_process_name: `${tag}-UPPER`, bk_func_name: `FN-${tag}`, auto_start: false, bind_ip: "3" });
    ids.cached = await createProcess({ bk_process_name: `${tag}-cached`, bk_func_name: "redis" });
    expectSuccess(await cmdb("PUT", `/api/v3/proc/module/0/${DEMO_BIZ}/${ids.cached}/cache`));
  });

  it("matches bk_process_name as a substring", async () => {
    expect(await namesFor({ bk_process_name: tag })).toEqual([`${tag}-a%b`, `${tag}-axb`, `${tag}-a_c`, `${tag}-UPPER`, `${tag}-cached`]);
    expect(await namesFor({ bk_process_name: `${tag.slice(5)}-ax` })).toEqual([`${tag}-axb`]);
  });

  it("matches bk_process_name case-sensitively", async () => {
    expect(await namesFor({ bk_process_name: `${tag}-upper` })).toEqual([]);
    expect(await namesFor({ bk_process_name: `${tag}-UPP` })).toEqual([`${tag}-UPPER`]);
  });

  it("takes the LIKE wildcards % and _ in a name literally", async () => {
    expect(await namesFor({ bk_process_name: `${tag}-a%` })).toEqual([`${tag}-a%b`]);
    expect(await namesFor({ bk_process_name: `${tag}-a_` })).toEqual([`${tag}-a_c`]);
    expect(await namesFor({ bk_process_name: "%" })).toEqual(expect.arrayContaining([`${tag}-a%b`]));
    expect(await namesFor({ bk_process_name: "%" })).not.toContain(`${tag}-axb`);
  });

  it("matches every other attribute exactly, not as a substring", async () => {
    expect(await namesFor({ bk_func_name: `fn-${tag}` })).toEqual([`${tag}-a%b`, `${tag}-a_c`]);
    expect(await namesFor({ bk_func_name: `fn-${tag}-lo` })).toEqual([]);
    expect(await namesFor({ bk_func_name: `FN-${tag}` })).toEqual([`${tag}-UPPER`]);
    expect(await namesFor({ bk_process_name: tag, port: "80" })).toEqual([]);
    expect(await namesFor({ bk_process_name: tag, port: "80,443" })).toEqual([`${tag}-axb`]);
  });

  it("matches an int attribute with a numeric string and a text attribute with a number", async () => {
    expect(await namesFor({ bk_process_name: tag, timeout: "77" })).toEqual([`${tag}-a%b`]);
    expect(await namesFor({ bk_process_name: tag, timeout: 77 })).toEqual([`${tag}-a%b`]);
    expect(await namesFor({ bk_process_name: tag, bk_func_id: 555 })).toEqual([`${tag}-a%b`]);
    expect(await namesFor({ bk_process_name: tag, port: 8080 })).toEqual([`${tag}-a%b`]);
    expect(await namesFor({ bk_process_id: String(ids.plain) })).toEqual([`${tag}-axb`]);
  });

  it("matches booleans and enums", async () => {
    expect(await namesFor({ bk_process_name: tag, auto_start: true })).toEqual([`${tag}-a_c`]);
    expect(await namesFor({ bk_process_name: tag, auto_start: false })).toEqual([`${tag}-UPPER`]);
    expect(await namesFor({ bk_process_name: tag, bind_ip: "3" })).toEqual([`${tag}-UPPER`]);
  });

  it("matches any of the values given with $in, coercing each", async () => {
    expect(await namesFor({ bk_process_name: tag, priority: { $in: [1, "3"] } })).toEqual([`${tag}-a%b`, `${tag}-a_c`]);
    expect(await namesFor({ bk_process_id: { $in: [ids.upper, String(ids.plain)] } })).toEqual([`${tag}-axb`, `${tag}-UPPER`]);
    expect(await namesFor({ bk_process_name: { $in: [`${tag}-axb`, `${tag}-a`] } })).toEqual([`${tag}-axb`]);
  });

  it("combines conditions with AND", async () => {
    expect(await namesFor({ bk_process_name: tag, bk_func_name: `fn-${tag}`, priority: 3 })).toEqual([`${tag}-a_c`]);
  });

  it("finds processes bound to a module name with bk_module_name", async () => {
    expect(await namesFor({ bk_process_name: tag, bk_module_name: "cache" })).toEqual([`${tag}-cached`]);
    expect(await namesFor({ bk_process_name: tag, bk_module_name: "gateway" })).toEqual([]);
    expect(await namesFor({ bk_process_name: tag, bk_module_name: { $in: ["db", "cache"] } })).toEqual([`${tag}-cached`]);
  });

  it("ignores a bk_biz_id condition: the path decides the business", async () => {
    const data = await search({ condition: { bk_biz_id: "12233", bk_process_name: `${tag}-axb` }, fields: ["bk_process_name", "bk_biz_id"] });
    expect(data.info).toEqual([{ bk_process_name: `${tag}-axb`, bk_biz_id: DEMO_BIZ }]);
  });
});

describe("search_process fields", () => {
  const name = uniqueName("fields");
  let id = 0;

  beforeAll(async () => {
    id = await createProcess({ bk_process_name: name, bk_func_name: "java", port: "9000", timeout: 5, auto_start: true });
  });

  it("returns only the asked fields", async () => {
    const data = await search({ condition: { bk_process_name: name }, fields: ["bk_process_name", "port", "timeout"] });
    expect(data).toEqual({ count: 1, info: [{ bk_process_name: name, port: "9000", timeout: 5 }] });
  });

  it("returns every attribute plus bk_process_id, bk_biz_id and bk_supplier_account when fields is empty or absent", async () => {
    for (const body of [{ condition: { bk_process_name: name }, fields: [] }, { condition: { bk_process_name: name } }]) {
      const data = await search(body);
      expect(data.count).toBe(1);
      expect(Object.keys(data.info[0]).sort()).toEqual([...ALL_FIELDS].sort());
      expect(data.info[0]).toMatchObject({ bk_process_id: id, bk_biz_id: DEMO_BIZ, bk_supplier_account: "0", bk_process_name: name, auto_start: true, bind_ip: null });
    }
  });

  it("returns the demo nginx with its stored attributes", async () => {
    const data = await search({ condition: { bk_process_name: "nginx" }, fields: ["bk_process_name", "port", "bind_ip", "protocol"] });
    expect(data.info).toContainEqual({ bk_process_name: "nginx", port: "80,443", bind_ip: "2", protocol: "1" });
  });

  it("refuses an unknown field with 1199006", async () => {
    const reply = await cmdb("POST", `/api/v3/proc/search/0/${DEMO_BIZ}`, { body: { fields: ["bk_process_name", "color"] } });
    expectCmdbError(reply, 1199006, 400, "color");
  });
});

describe("search_process sorting and paging", () => {
  const tag = uniqueName("page");
  const byCreation: number[] = [];
  // name, priority, proc_num
  const specs: [string, number, number][] = [
    ["c", 2, 1],
    ["a", 3, 2],
    ["e", 1, 2],
    ["b", 2, 2],
    ["d", 3, 1],
  ];

  beforeAll(async () => {
    for (const [suffix, priority, procNum] of specs) {
      byCreation.push(await createProcess({ bk_process_name: `${tag}-${suffix}`, priority, proc_num: procNum }));
    }
  });

  const suffixes = (data: TSearchData) => data.info.map((row) => String(row.bk_process_name).slice(tag.length + 1));

  it("sorts by bk_process_id ascending by default", async () => {
    const data = await search({ condition: { bk_process_name: tag }, fields: ["bk_process_id"] });
    expect(data.info.map((row) => row.bk_process_id)).toEqual(byCreation);
  });

  it("sorts by a field ascending, and descending with a leading '-'", async () => {
    expect(await namesFor({ bk_process_name: tag }, "bk_process_name")).toEqual(["a", "b", "c", "d", "e"].map((s) => `${tag}-${s}`));
    expect(await namesFor({ bk_process_name: tag }, "-bk_process_name")).toEqual(["e", "d", "c", "b", "a"].map((s) => `${tag}-${s}`));
  });

  it("sorts by several keys, ties broken by bk_process_id", async () => {
    expect((await namesFor({ bk_process_name: tag }, "-priority,bk_process_name")).map((n) => n.slice(-1))).toEqual(["a", "d", "b", "c", "e"]);
    expect((await namesFor({ bk_process_name: tag }, "proc_num,-priority")).map((n) => n.slice(-1))).toEqual(["d", "c", "a", "b", "e"]);
    expect((await namesFor({ bk_process_name: tag }, "priority")).map((n) => n.slice(-1))).toEqual(["e", "c", "b", "a", "d"]);
  });

  it("returns the page from start with at most limit rows and the total before paging as count", async () => {
    const data = await search({ condition: { bk_process_name: tag }, fields: ["bk_process_name"], page: { start: 1, limit: 2, sort: "bk_process_name" } });
    expect(data.count).toBe(5);
    expect(suffixes(data)).toEqual(["b", "c"]);
    const last = await search({ condition: { bk_process_name: tag }, fields: ["bk_process_name"], page: { start: 4, limit: 2, sort: "bk_process_name" } });
    expect(last.count).toBe(5);
    expect(suffixes(last)).toEqual(["e"]);
  });

  it("still reports the total count for a page past the end", async () => {
    const data = await search({ condition: { bk_process_name: tag }, page: { start: 50, limit: 10 } });
    expect(data).toEqual({ count: 5, info: [] });
  });

  it("reports count 0 and no rows when nothing matches", async () => {
    expect(await search({ condition: { bk_process_name: `${tag}-nothing` } })).toEqual({ count: 0, info: [] });
    expect(await search({ condition: { bk_process_name: `${tag}-nothing` }, page: { start: 10 } })).toEqual({ count: 0, info: [] });
  });

  it("accepts the document's example body", async () => {
    const data = await search({ page: { start: 0, limit: 10, sort: "bk_process_name" }, fields: ["bk_process_id", "bk_process_name"], condition: { bk_biz_id: "12233", bk_process_name: tag } });
    expect(data.count).toBe(5);
    expect(Object.keys(data.info[0])).toEqual(["bk_process_id", "bk_process_name"]);
  });
});

describe("search_process limits", () => {
  let bizId = 0;

  beforeAll(async () => {
    bizId = await createBusiness("search-limit");
    await sql(
      `INSERT INTO process (bk_biz_id, bk_supplier_account, bk_process_name, bk_func_name)
       SELECT $1, '0', 'bulk-' || lpad(n::text, 3, '0'), 'bulk' FROM generate_series(1, 201) AS n`,
      [bizId],
    );
  });

  it("returns every match when there is no page, as bk-cmdb does", async () => {
    const data = await search({ fields: ["bk_process_name"] }, bizId);
    expect(data.count).toBe(201);
    expect(data.info).toHaveLength(201);
  });

  it("returns every match from start when the page names no limit (the v3 UI's select all)", async () => {
    const all = await search({ page: {}, fields: ["bk_process_name"] }, bizId);
    expect(all.info).toHaveLength(201);
    const data = await search({ page: { start: 1, sort: "bk_process_name" }, fields: ["bk_process_name"] }, bizId);
    expect(data.count).toBe(201);
    expect(data.info).toHaveLength(200);
    expect(data.info[0]).toEqual({ bk_process_name: "bulk-002" });
    expect(data.info.at(-1)).toEqual({ bk_process_name: "bulk-201" });
  });

  it("keeps an explicit limit at most 200", async () => {
    expectCmdbError(await cmdb("POST", `/api/v3/proc/search/0/${bizId}`, { body: { page: { limit: 201 } }, lang: "en" }), 1199006, 400, /page.limit/);
    const data = await search({ page: { limit: 200 }, fields: ["bk_process_name"] }, bizId);
    expect(data.info).toHaveLength(200);
  });

  it("searches only the path's business", async () => {
    const data = await search({ condition: { bk_process_name: "bulk-" }, fields: ["bk_process_name"] });
    expect(data).toEqual({ count: 0, info: [] });
    const demo = await search({ condition: { bk_process_name: "nginx" }, fields: ["bk_process_name"] }, bizId);
    expect(demo.count).toBe(0);
  });

  it("accepts limit 200 and start beyond the first page", async () => {
    const data = await search({ page: { start: 200, limit: 200, sort: "bk_process_name" }, fields: ["bk_process_name"] }, bizId);
    expect(data).toEqual({ count: 201, info: [{ bk_process_name: "bulk-201" }] });
  });
});

describe("search_process text as stored", () => {
  // the page is written as JSON by PostgreSQL: quotes, backslashes, control characters and text beyond
  // ASCII must come back exactly as they were stored
  const name = uniqueName("srch-text");
  const description = 'say "hi" \\ back\\slash\ttab\nnew line \u0001 ü 中文 😀 \u2028';
  const startCmd = "sh -c 'echo \"$HOME\" | grep -E \"^/(root|home)\\\\b\"'";

  beforeAll(async () => {
    await createProcess({ bk_process_name: name, description, start_cmd: startCmd, timeout: 9, auto_start: false });
  });

  it("returns strings, numbers, booleans and nulls as they were stored", async () => {
    const data = await search({ condition: { bk_process_name: name }, fields: ["bk_process_name", "description", "start_cmd", "timeout", "auto_start", "priority"] });
    expect(data).toEqual({ count: 1, info: [{ bk_process_name: name, description, start_cmd: startCmd, timeout: 9, auto_start: false, priority: null }] });
  });
});
