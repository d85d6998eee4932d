// The condition operators bk-cmdb 3.x passes from a search_process body straight to its store, as its
// callers send them: TencentBlueKing/bk-cmdb release-v3.2.26, src/scene_server/proc_server/
// proc_service/service/process.go SearchProcess (condition copied through; bk_process_name turned into
// $regex, bk_module_name into bk_process_id $in) and src/common/definitions.go (the operator names);
// the UI's own use is src/ui/src/store/modules/api/proc-config.js searchProcessById ({"$eq": id}).
import { beforeAll, describe, expect, it } from "vitest";
import { cmdb, createBusiness, createSet, expectCmdbError, expectSuccess, sql, uniqueName } from "../support/cmdb-client";

type TSearchData = { count: number; info: { bk_process_name: string }[] };

describe("search_process condition operators", () => {
  let bizId = 0;
  const tag = uniqueName("ops");
  const ids: Record<string, number> = {};

  const search = async (condition: Record<string, unknown>) =>
    expectSuccess<TSearchData>(await cmdb("POST", `/api/v3/proc/search/0/${bizId}`, { body: { condition, fields: ["bk_process_name"], page: { sort: "bk_process_name" } } }));
  const names = async (condition: Record<string, unknown>) => (await search(condition)).info.map((row) => row.bk_process_name.slice(tag.length + 1));
  const refused = async (condition: Record<string, unknown>, ...patterns: (string | RegExp)[]) =>
    expectCmdbError(await cmdb("POST", `/api/v3/proc/search/0/${bizId}`, { body: { condition }, lang: "en" }), 1199006, 400, ...patterns);

  beforeAll(async () => {
    bizId = await createBusiness("operators");
    await createSet(bizId, "s", [{ name: "web" }, { name: "db" }, { name: "cache" }]);
    const create = async (suffix: string, attributes: Record<string, unknown>) => {
      const reply = await cmdb("POST", `/api/v3/proc/0/${bizId}`, { body: { bk_process_name: `${tag}-${suffix}`, bk_func_name: "worker", ...attributes } });
      ids[suffix] = expectSuccess<{ bk_process_id: number }>(reply).bk_process_id;
    };
    await create("a", { timeout: 10, port: "80", bind_ip: "1", auto_start: true, user: "root" });
    await create("b", { timeout: 20, port: "8080", bind_ip: "2", auto_start: false, user: "www" });
    await create("c", { timeout: 30, port: "443", user: "" });
    await create("d", { port: "9000", user: "www-data" });
    for (const [suffix, module] of [["a", "web"], ["b", "web"], ["b", "db"], ["c", "cache"]]) {
      expectSuccess(await cmdb("PUT", `/api/v3/proc/module/0/${bizId}/${ids[suffix]}/${module}`));
    }
  });

  it("$eq and $ne, on ints, text, enums and booleans", async () => {
    expect(await names({ timeout: { $eq: 20 } })).toEqual(["b"]);
    expect(await names({ timeout: { $eq: "20" } })).toEqual(["b"]);
    expect(await names({ timeout: { $ne: 20 } })).toEqual(["a", "c", "d"]);
    expect(await names({ user: { $eq: "www" } })).toEqual(["b"]);
    expect(await names({ user: { $ne: "www" } })).toEqual(["a", "c", "d"]);
    expect(await names({ bind_ip: { $ne: "1" } })).toEqual(["b", "c", "d"]);
    expect(await names({ auto_start: { $eq: false } })).toEqual(["b"]);
    // $eq on bk_process_name is exact, unlike its plain substring value
    expect(await names({ bk_process_name: { $eq: `${tag}-a` } })).toEqual(["a"]);
    expect(await names({ bk_process_name: { $eq: `${tag}-` } })).toEqual([]);
  });

  it("$eq null, $ne null and $exists follow 'not set' (NULL, or \"\" for text)", async () => {
    expect(await names({ timeout: { $eq: null } })).toEqual(["d"]);
    expect(await names({ timeout: { $ne: null } })).toEqual(["a", "b", "c"]);
    expect(await names({ timeout: { $exists: false } })).toEqual(["d"]);
    expect(await names({ bind_ip: { $exists: true } })).toEqual(["a", "b"]);
    expect(await names({ user: { $exists: false } })).toEqual(["c"]);
    expect(await names({ user: null })).toEqual(["c"]);
  });

  it("$in and $nin, null included or not", async () => {
    expect(await names({ timeout: { $in: [10, "30"] } })).toEqual(["a", "c"]);
    expect(await names({ timeout: { $in: [10, null] } })).toEqual(["a", "d"]);
    expect(await names({ timeout: { $nin: [10, 30] } })).toEqual(["b", "d"]);
    expect(await names({ timeout: { $nin: [10, null] } })).toEqual(["b", "c"]);
    expect(await names({ bind_ip: { $nin: ["1"] } })).toEqual(["b", "c", "d"]);
    expect(await names({ bk_process_id: { $in: [ids.a, ids.d] } })).toEqual(["a", "d"]);
    expect(await names({ bk_process_id: { $nin: [ids.a, ids.d] } })).toEqual(["b", "c"]);
  });

  it("$gt, $gte, $lt, $lte: numbers on ints, text order on text; several operators AND", async () => {
    expect(await names({ timeout: { $gt: 10 } })).toEqual(["b", "c"]);
    expect(await names({ timeout: { $gte: 10, $lt: 30 } })).toEqual(["a", "b"]);
    expect(await names({ timeout: { $lte: "20" } })).toEqual(["a", "b"]);
    expect(await names({ bk_process_id: { $gte: ids.c } })).toEqual(["c", "d"]);
    // text compares as text (byte order): "443" < "80" < "8080" < "9000"
    expect(await names({ port: { $gt: "80" } })).toEqual(["b", "d"]);
    expect(await names({ port: { $lt: "8" } })).toEqual(["c"]);
  });

  it("$regex as a PostgreSQL regular expression, case-sensitive", async () => {
    expect(await names({ port: { $regex: "^80" } })).toEqual(["a", "b"]);
    expect(await names({ user: { $regex: "^www(-data)?$" } })).toEqual(["b", "d"]);
    expect(await names({ bk_process_name: { $regex: `^${tag}-[ab]$` } })).toEqual(["a", "b"]);
    expect(await names({ bk_process_name: { $regex: `^${tag.toUpperCase()}` } })).toEqual([]);
    expect(await names({ port: { $regex: "^9", $ne: "9001" } })).toEqual(["d"]);
  });

  it("bk_module_name: processes with a binding that matches, or none that does", async () => {
    expect(await names({ bk_module_name: "web" })).toEqual(["a", "b"]);
    expect(await names({ bk_module_name: { $eq: "db" } })).toEqual(["b"]);
    expect(await names({ bk_module_name: { $in: ["db", "cache"] } })).toEqual(["b", "c"]);
    expect(await names({ bk_module_name: { $regex: "^(w|c)" } })).toEqual(["a", "b", "c"]);
    expect(await names({ bk_module_name: { $ne: "web" } })).toEqual(["c", "d"]);
    expect(await names({ bk_module_name: { $nin: ["web", "cache"] } })).toEqual(["d"]);
    expect(await names({ bk_module_name: { $exists: true } })).toEqual(["a", "b", "c"]);
    expect(await names({ bk_module_name: { $exists: false } })).toEqual(["d"]);
  });

  it("bk_biz_id: the path decides, operators are still checked", async () => {
    expect(await names({ bk_biz_id: { $eq: bizId }, timeout: 10 })).toEqual(["a"]);
    expect(await names({ bk_biz_id: { $in: [bizId, 99] }, timeout: 10 })).toEqual(["a"]);
    await refused({ bk_biz_id: { $like: 2 } }, /condition.bk_biz_id/, /\$like/);
  });

  it("combines operators with plain values (AND)", async () => {
    expect(await names({ bk_process_name: tag, timeout: { $gt: 10 }, bk_module_name: "web" })).toEqual(["b"]);
  });

  it("refuses an unknown operator or an empty operator object, naming field and operator", async () => {
    await refused({ timeout: { $foo: 1 } }, /condition.timeout/, /\$foo/);
    await refused({ timeout: { $gt: 1, $where: "1" } }, /condition.timeout/, /\$where/);
    await refused({ timeout: {} }, /condition.timeout/, /needs an operator/);
    await refused({ bk_module_name: { $or: [] } }, /condition.bk_module_name/, /\$or/);
    await refused({ nope: { $eq: 1 } }, /condition.*nope/);
  });

  it("refuses a value of the wrong type, naming field and operator", async () => {
    await refused({ timeout: { $eq: "ten" } }, /condition.timeout.\$eq/, /integer/);
    await refused({ timeout: { $gt: null } }, /condition.timeout.\$gt/);
    await refused({ timeout: { $in: "10" } }, /condition.timeout.\$in/, /array/);
    await refused({ timeout: { $nin: [] } }, /condition.timeout.\$nin/);
    await refused({ timeout: { $in: [1, { a: 1 }] } }, /condition.timeout.\$in/);
    await refused({ timeout: { $eq: 99999999999 } }, /condition.timeout.\$eq/);
    await refused({ auto_start: { $eq: "yes" } }, /condition.auto_start.\$eq/);
    await refused({ auto_start: { $gt: true } }, /condition.auto_start.\$gt/);
    await refused({ timeout: { $exists: 1 } }, /condition.timeout.\$exists/, /true or false/);
    await refused({ port: { $gt: 80 } }, /condition.port.\$gt/, /string/);
    await refused({ timeout: { $regex: "1" } }, /condition.timeout.\$regex/, /text/);
    await refused({ port: { $regex: 8 } }, /condition.port.\$regex/);
    await refused({ bk_module_name: { $eq: null } }, /condition.bk_module_name/, /\$exists/);
  });

  it("refuses a bad or oversized regular expression, naming the field", async () => {
    await refused({ port: { $regex: "(" } }, /condition.port.\$regex/, /regular expression/);
    await refused({ user: { $regex: "^w" }, port: { $regex: "[a-" } }, /condition.port.\$regex/);
    await refused({ bk_module_name: { $regex: "*x" } }, /condition.bk_module_name.\$regex/);
    await refused({ port: { $regex: "a".repeat(257) } }, /condition.port.\$regex/, /256/);
    // refused even where no row would reach the pattern
    const empty = await createBusiness("operators-empty");
    expectCmdbError(await cmdb("POST", `/api/v3/proc/search/0/${empty}`, { body: { condition: { port: { $regex: "(" } } }, lang: "en" }), 1199006, 400, /condition.port/);
  });

  it("takes pattern text as data, never as SQL", async () => {
    expect(await names({ user: { $regex: "'; DROP TABLE process; --" } })).toEqual([]);
    expect(await names({ user: { $eq: "www' OR '1'='1" } })).toEqual([]);
    const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM process WHERE bk_biz_id = $1`, [bizId]);
    expect(n).toBe(4);
  });
});
