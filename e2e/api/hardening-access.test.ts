// No way around sign-in: must-change-password holds on the API too, wrong app secrets are throttled
// per (app, client) without locking the real app out, agent commands see none of the agent's
// environment, and a host of another business is refused without naming that business.
import { afterAll, describe, expect, it } from "vitest";
import { readLoginEnv } from "@/lib/core/env";
import { BASE_URL, DEMO_BIZ, sql, uniqueName } from "./support/cmdb-client";
import { createApp, createUser, signInAs } from "./support/principals";
import { loopbackAddress, requestFrom } from "./support/from-address";
import { daemonSpec, esb, startAgent, waitForGseTask, type TAgent } from "./support/agent-harness";
import { insertHost } from "./support/topology";

const limits = readLoginEnv();
let agent: TAgent | undefined;

afterAll(async () => {
  await agent?.stop("SIGKILL");
});

describe("must change password", () => {
  it("a user whose password an administrator set may read, change the password and sign out, but not write", async () => {
    const user = await createUser({ isGlobalAdmin: true, prefix: "mustchange" });
    await sql(`UPDATE "user" SET must_change_password = true WHERE id = $1`, [user.userId]);
    const client = await signInAs(user.username, user.password, user.userId);

    expect((await client.call("GET", `/api/console/businesses/${DEMO_BIZ}/processes`)).status).toBe(200);
    const before = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM business`);
    const refused = await client.call("POST", "/api/console/admin/businesses", { body: { name: uniqueName("nope") } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ ok: false, error: { kind: "FORBIDDEN", message: expect.stringMatching(/change your password first/) } });
    const process = await client.call("POST", `/api/console/businesses/${DEMO_BIZ}/processes`, { body: { bk_process_name: uniqueName("nope"), bk_func_name: "x" } });
    expect(process.status).toBe(403);
    expect(await sql<{ n: number }>(`SELECT count(*)::int AS n FROM business`)).toEqual(before);

    const changed = await client.call("POST", "/api/console/account/password", { body: { currentPassword: user.password, newPassword: "a-brand-new-password-42" } });
    expect(changed.status, changed.text).toBe(200);
    const now = await client.call("POST", "/api/console/admin/businesses", { body: { name: uniqueName("yes") } });
    expect(now.status, now.text).toBe(201);
  });
});

describe("wrong app secrets", () => {
  const MAX = limits.PROCDECK_APP_AUTH_MAX_FAILURES;
  const search = `/api/v3/proc/search/0/${DEMO_BIZ}`;
  const call = (client: string, code: string, secret: string) =>
    requestFrom(client, "POST", search, { headers: { "content-type": "application/json", "x-bkapi-authorization": JSON.stringify({ bk_app_code: code, bk_app_secret: secret, bk_username: "tester" }) }, body: "{}" });

  it(`lock (app code + client) after ${MAX} failures, even with the right secret; the app still works from elsewhere`, async () => {
    const app = await createApp([{ bizId: DEMO_BIZ, role: "viewer" }]);
    const attacker = loopbackAddress(40_000 + Math.floor(Math.random() * 5000));
    for (let attempt = 0; attempt < MAX; attempt += 1) {
      const reply = await call(attacker, app.code, `guess-${attempt}-0123456789`);
      expect([401, 429]).toContain(reply.status);
    }
    const locked = await call(attacker, app.code, app.secret);
    expect(locked.status, locked.text).toBe(429);
    expect(JSON.parse(locked.text)).toMatchObject({ result: false, bk_error_code: 1199429, data: null });
    const elsewhere = await call(loopbackAddress(46_000 + Math.floor(Math.random() * 2000)), app.code, app.secret);
    expect(elsewhere.status, elsewhere.text).toBe(200);
  });

  it("the ESB surface counts the same failures", async () => {
    const app = await createApp([{ bizId: DEMO_BIZ, role: "operator" }]);
    const attacker = loopbackAddress(49_000 + Math.floor(Math.random() * 1000));
    const body = (secret: string) => JSON.stringify({ bk_app_code: app.code, bk_app_secret: secret, bk_username: "tester", task_id: "GSETASK:20260101000000:1" });
    for (let attempt = 0; attempt < MAX; attempt += 1) {
      await requestFrom(attacker, "POST", "/api/c/compapi/v2/gse/get_proc_operate_result/", { headers: { "content-type": "application/json" }, body: body(`guess-${attempt}`) });
    }
    const locked = await requestFrom(attacker, "POST", "/api/c/compapi/v2/gse/get_proc_operate_result/", { headers: { "content-type": "application/json" }, body: body(app.secret) });
    expect(locked.status).toBe(429);
    expect(JSON.parse(locked.text)).toMatchObject({ result: false, code: 1199429, request_id: expect.any(String) });
  });
});

describe("agent commands", () => {
  it("run with a clean environment: the user's HOME/USER/LOGNAME/SHELL, a standard PATH and LANG, nothing of the agent's", async () => {
    const [cache] = await sql<{ id: number }>(`SELECT bk_module_id AS id FROM module WHERE bk_biz_id = $1 AND bk_module_name = 'cache' LIMIT 1`, [DEMO_BIZ]);
    const host = await insertHost([cache.id]);
    process.env.PROCDECK_CANARY_SECRET = "canary-must-not-leak-4711";
    try {
      agent = await startAgent(host.ip);
    } finally {
      delete process.env.PROCDECK_CANARY_SECRET;
    }
    const { spec } = daemonSpec();
    const meta = { namespace: "hardening", name: uniqueName("env") };
    const reply = await esb("gse/operate_proc/", { meta, hosts: [{ ip: host.ip, bk_cloud_id: 0 }], op_type: 0, spec: { ...spec, control: { ...spec.control, start_cmd: "echo $(env | sort); exit 3" } } });
    expect(reply.body, JSON.stringify(reply.body)).toMatchObject({ result: true });
    const rows = await waitForGseTask((reply.body.data as { task_id: string }).task_id);
    const row = rows[`0:${host.ip}:${meta.namespace}:${meta.name}`];
    expect(row.error_code).toBe(65535);
    const output = row.error_msg;
    const names = [...output.matchAll(/(?:^|\s)([A-Z_][A-Z0-9_]*)=/gm)].map((match) => match[1]);
    for (const name of ["HOME", "USER", "LOGNAME", "SHELL", "PATH", "LANG"]) expect(names, output).toContain(name);
    expect(output).toMatch(/(?:^|\s)PATH=\/usr\/local\/s?bin:/m);
    expect(output).not.toContain("canary-must-not-leak");
    expect(names.filter((name) => name.startsWith("PROCDECK") || name.startsWith("npm_") || name === "DATABASE_URL"), output).toEqual([]);
    expect(output).not.toContain(process.env.PROCDECK_TEST_ENROLL_SECRET ?? "never-empty");
    expect(BASE_URL).toBeTruthy();
  }, 60_000);
});
