// Identity (README: "The CMDB process API", "Who may do what") and the envelope every reply must have.
import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/access/secret-hash";
import { APP, auditRows, BASE_URL, cmdb, createProcess, DEMO_BIZ, expectCmdbError, expectNoLeak, expectSuccess, processCount, sql, uniqueName } from "./support/cmdb-client";

const CREATE_PATH = `/api/v3/proc/0/${DEMO_BIZ}`;
const SEARCH_PATH = `/api/v3/proc/search/0/${DEMO_BIZ}`;

async function createdBy(name: string) {
  return sql<{ actor: string; app_code: string }>(`SELECT actor, app_code FROM audit_entry WHERE action = 'create' AND object_name = $1`, [name]);
}

/** An app of its own, stored the way the server stores apps (hashed secret). */
/** An app with the admin role in the demo business (revoked: its secret no longer works). */
async function insertApp(options: { revoked?: boolean } = {}) {
  const app = { code: uniqueName("app"), secret: `secret-${uniqueName("s")}-${uniqueName("t")}` };
  const [row] = await sql<{ id: number }>(`INSERT INTO api_app (code, secret_hash, revoked_at) VALUES ($1, $2, $3) RETURNING id`, [app.code, hashToken(app.secret), options.revoked ? new Date() : null]);
  await sql(`INSERT INTO app_role (app_id, bk_biz_id, role) VALUES ($1, $2, 'admin')`, [row.id, DEMO_BIZ]);
  return app;
}

const authHeader = (value: object) => ({ "X-Bkapi-Authorization": JSON.stringify(value) });

describe("app credentials", () => {
  it.each(["header", "body", "query"] as const)("accepts credentials and operator in the %s", async (auth) => {
    const name = uniqueName(`auth-${auth}`);
    expectSuccess(await cmdb("POST", CREATE_PATH, { body: { bk_process_name: name, bk_func_name: "x" }, auth, operator: `op-${auth}` }));
    expect(await createdBy(name)).toEqual([{ actor: `op-${auth}`, app_code: APP.code }]);
  });

  it("accepts the operator as bk_username inside X-Bkapi-Authorization", async () => {
    const name = uniqueName("auth-username");
    const reply = await cmdb("POST", CREATE_PATH, { auth: "none", headers: authHeader({ bk_app_code: APP.code, bk_app_secret: APP.secret, bk_username: "inline-user" }), body: { bk_process_name: name, bk_func_name: "x" } });
    expectSuccess(reply);
    expect(await createdBy(name)).toEqual([{ actor: "inline-user", app_code: APP.code }]);
  });

  it("accepts query credentials on a GET", async () => {
    const id = await createProcess();
    expectSuccess(await cmdb("GET", `${CREATE_PATH}/${id}`, { auth: "query" }));
  });

  it("does not treat credential fields in the body as process attributes", async () => {
    const name = uniqueName("auth-body-fields");
    expectSuccess(await cmdb("POST", CREATE_PATH, { auth: "body", body: { bk_process_name: name, bk_func_name: "x", bk_token: "ignored", bk_supplier_id: "0" } }));
  });

  it("records the calling app's code in the audit", async () => {
    const app = await insertApp();
    const name = uniqueName("auth-other-app");
    const reply = await cmdb("POST", CREATE_PATH, { auth: "none", headers: { ...authHeader({ bk_app_code: app.code, bk_app_secret: app.secret }), BK_User: "gina" }, body: { bk_process_name: name, bk_func_name: "x" } });
    expectSuccess(reply);
    expect(await createdBy(name)).toEqual([{ actor: "gina", app_code: app.code }]);
  });

  it("accepts the supplier account headers BlueKing clients send", async () => {
    const reply = await cmdb("POST", SEARCH_PATH, { headers: { HTTP_BK_SUPPLIER_ACCOUNT: "0", HTTP_BLUEKING_SUPPLIER_ID: "0" }, body: { fields: ["bk_process_id"], page: { limit: 1 } } });
    expectSuccess(reply);
  });
});

describe("missing or wrong credentials", () => {
  it("refuses a request without credentials with 401 and 1199027, creating nothing", async () => {
    const before = await processCount();
    const reply = await cmdb("POST", CREATE_PATH, { auth: "none", headers: { BK_User: "x" }, body: { bk_process_name: uniqueName("noauth"), bk_func_name: "x" }, lang: "en" });
    expectCmdbError(reply, 1199027, 401, /bk_app_code/);
    expect(await processCount()).toBe(before);
  });

  it("refuses a code without a secret", async () => {
    const reply = await cmdb("GET", `${CREATE_PATH}/1`, { auth: "none", headers: { ...authHeader({ bk_app_code: APP.code }), BK_User: "x" } });
    expectCmdbError(reply, 1199027, 401);
  });

  it.each([
    ["a wrong secret", () => ({ bk_app_code: APP.code, bk_app_secret: `${APP.secret}-wrong` })],
    ["an unknown app", () => ({ bk_app_code: uniqueName("ghost"), bk_app_secret: APP.secret })],
  ])("refuses %s with 401, changing nothing", async (_label, credentials) => {
    const id = await createProcess({ port: "80" });
    const reply = await cmdb("PUT", `${CREATE_PATH}/${id}`, { auth: "none", headers: { ...authHeader(credentials()), BK_User: "mallory" }, body: { port: "81" }, lang: "en" });
    expectCmdbError(reply, 1199027, 401, /wrong secret|unknown app/);
    expect((await sql<{ port: string }>(`SELECT port FROM process WHERE bk_process_id = $1`, [id]))[0].port).toBe("80");
    expect(await auditRows(id, "update")).toEqual([]);
  });

  it("refuses a wrong secret in the body and in the query", async () => {
    const wrong = `${APP.secret}-wrong`;
    const inBody = await cmdb("POST", SEARCH_PATH, { auth: "none", body: { bk_app_code: APP.code, bk_app_secret: wrong, bk_username: "x" } });
    expectCmdbError(inBody, 1199027, 401);
    const inQuery = await cmdb("POST", `${SEARCH_PATH}?bk_app_code=${APP.code}&bk_app_secret=${wrong}&bk_username=x`, { auth: "none", body: {} });
    expectCmdbError(inQuery, 1199027, 401);
  });

  it("refuses a revoked app", async () => {
    const app = await insertApp({ revoked: true });
    const reply = await cmdb("POST", SEARCH_PATH, { auth: "none", headers: { ...authHeader({ bk_app_code: app.code, bk_app_secret: app.secret }), BK_User: "x" }, body: {} });
    expectCmdbError(reply, 1199027, 401);
  });

  it("refuses an X-Bkapi-Authorization header that is not JSON", async () => {
    const reply = await cmdb("POST", SEARCH_PATH, { auth: "none", headers: { "X-Bkapi-Authorization": "{bk_app_code:", BK_User: "x" }, body: {} });
    expectCmdbError(reply, 1199027, 401, "X-Bkapi-Authorization");
  });

  it.each(["header", "body", "query"] as const)("refuses a request without an operator (credentials in the %s) with 1199027, creating nothing", async (auth) => {
    const before = await processCount();
    const reply = await cmdb("POST", CREATE_PATH, { auth, operator: null, body: { bk_process_name: uniqueName("nooperator"), bk_func_name: "x" }, lang: "en" });
    expectCmdbError(reply, 1199027, 401, /BK_User|bk_username/);
    expect(await processCount()).toBe(before);
  });

  it("refuses a blank operator", async () => {
    expectCmdbError(await cmdb("POST", SEARCH_PATH, { operator: "   ", body: {} }), 1199027, 401);
  });
});

describe("envelope and routing", () => {
  it("answers success as {result, bk_error_code 0, bk_error_msg, data} JSON", async () => {
    const reply = await cmdb("POST", SEARCH_PATH, { body: { fields: ["bk_process_id"], page: { limit: 1 } } });
    expect(Object.keys(reply.body).sort()).toEqual(["bk_error_code", "bk_error_msg", "data", "result"]);
    expectSuccess(reply);
  });

  it("gives error messages in Chinese by default and in English when asked", async () => {
    const zh = await cmdb("GET", `${CREATE_PATH}/2147483000`);
    expectCmdbError(zh, 1199019, 404, /没有找到相关数据/);
    const en = await cmdb("GET", `${CREATE_PATH}/2147483000`, { lang: "en" });
    expectCmdbError(en, 1199019, 404, /No relevant data found/);
    const accept = await cmdb("GET", `${CREATE_PATH}/2147483000`, { headers: { "Accept-Language": "en" } });
    expectCmdbError(accept, 1199019, 404, /No relevant data found/);
  });

  it.each([
    ["POST", `/api/v2/proc/0/${DEMO_BIZ}`],
    ["PUT", `/api/v2/proc/0/${DEMO_BIZ}`],
    ["POST", `/api/v2/proc/search/0/${DEMO_BIZ}`],
    ["GET", `/api/v2/proc/0/${DEMO_BIZ}/1`],
    ["PUT", `/api/v2/proc/0/${DEMO_BIZ}/1`],
    ["DELETE", `/api/v2/proc/0/${DEMO_BIZ}/1`],
    ["GET", `/api/v2/proc/module/0/${DEMO_BIZ}/1`],
    ["PUT", `/api/v2/proc/module/0/${DEMO_BIZ}/1/gateway`],
    ["DELETE", `/api/V3/proc/module/0/${DEMO_BIZ}/1/gateway`],
  ])("answers %s %s (not version v3) with a 404 envelope", async (method, path) => {
    const before = await processCount();
    const body = method === "GET" || method === "DELETE" ? undefined : { bk_process_name: uniqueName("v2"), bk_func_name: "x", bk_process_id: "1", port: "1" };
    expectCmdbError(await cmdb(method, path, { body, lang: "en" }), 1199003, 404, /version '[vV][23]' is not supported/);
    expect(await processCount()).toBe(before);
  });

  it.each([
    ["GET", "/api/v3/proc"],
    ["GET", "/api/v3/nothing/here"],
    ["POST", `/api/v3/proc/search/0/${DEMO_BIZ}/extra/segments`],
    ["DELETE", `/api/v3/proc/module/0/${DEMO_BIZ}/1/gateway/more`],
    ["GET", "/api/unknown"],
  ])("answers the unknown path %s %s with a 404 envelope", async (method, path) => {
    expectCmdbError(await cmdb(method, path, { body: method === "GET" ? undefined : {} }), 1199003, 404);
  });

  it("answers an unknown path without credentials with a 404 envelope too", async () => {
    expectCmdbError(await cmdb("GET", "/api/v3/nothing", { auth: "none" }), 1199003, 404);
  });

  it.each([
    ["GET", `/api/v3/proc/0/${DEMO_BIZ}`],
    ["DELETE", `/api/v3/proc/0/${DEMO_BIZ}`],
    ["PATCH", `/api/v3/proc/0/${DEMO_BIZ}`],
    ["POST", `/api/v3/proc/0/${DEMO_BIZ}/1`],
    ["PATCH", `/api/v3/proc/0/${DEMO_BIZ}/1`],
    ["GET", `/api/v3/proc/search/0/${DEMO_BIZ}`],
    ["PUT", `/api/v3/proc/search/0/${DEMO_BIZ}`],
    ["POST", `/api/v3/proc/module/0/${DEMO_BIZ}/1`],
    ["DELETE", `/api/v3/proc/module/0/${DEMO_BIZ}/1`],
    ["GET", `/api/v3/proc/module/0/${DEMO_BIZ}/1/gateway`],
    ["POST", `/api/v3/proc/module/0/${DEMO_BIZ}/1/gateway`],
  ])("answers the unsupported method %s %s with a 405 envelope", async (method, path) => {
    expectCmdbError(await cmdb(method, path, { body: method === "GET" || method === "DELETE" ? undefined : {} }), 1199003, 405, method);
  });

  it("does not change the process on an unsupported method", async () => {
    const id = await createProcess({ port: "80" });
    expectCmdbError(await cmdb("PATCH", `${CREATE_PATH}/${id}`, { body: { port: "81" } }), 1199003, 405);
    expectCmdbError(await cmdb("POST", `${CREATE_PATH}/${id}`, { body: { port: "81" } }), 1199003, 405);
    expect((await sql<{ port: string }>(`SELECT port FROM process WHERE bk_process_id = $1`, [id]))[0].port).toBe("80");
  });

  it("never answers HTML, even for a plain browser request to an unknown API path", async () => {
    const response = await fetch(`${BASE_URL}/api/v3/definitely/not/here`, { headers: { accept: "text/html" } });
    const text = await response.text();
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expectNoLeak(text);
    expect(JSON.parse(text)).toMatchObject({ result: false, data: null });
  });
});
