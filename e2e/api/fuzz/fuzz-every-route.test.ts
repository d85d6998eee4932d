// A seeded fuzz of every API route and method, generated from the route files (scripts/support/
// api-route-table.ts), so a new route is fuzzed without anyone listing it. Asserts: no 5xx, every
// reply in its surface's envelope with the security headers, and (in a sequential phase) that a
// rejected write changes nothing in the database. Replay a failure with PROCDECK_FUZZ_SEED=<seed>
// (printed at the start); PROCDECK_FUZZ_REQUESTS sets how many requests the main phase sends.
// Requests come from loopback addresses of their own, so throttling they trigger stays theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { surfaceOf } from "@/lib/api/surface-failure";
import { loadApiRouteTable } from "@/scripts/support/api-route-table";
import type { TApiRoute } from "@/lib/api/early-reply";
import { APP, BASE_URL, sql, uniqueName } from "../support/cmdb-client";
import { createApp, createUser, signInAs, type TConsoleClient } from "../support/principals";
import { requestFrom, type TRawReply } from "../support/from-address";
import { insertHost, insertModule, insertSet } from "../support/topology";
import { NONSENSE_SEGMENTS, nastyBody, nastyQuery, nastyValue, seededRandom, type TRandom } from "./fuzz-inputs";

const SEED = Number(process.env.PROCDECK_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const REQUESTS = Number(process.env.PROCDECK_FUZZ_REQUESTS ?? 5200);
const SEQUENTIAL_WRITES = Number(process.env.PROCDECK_FUZZ_STATE_CHECKS ?? 250);
const CONCURRENCY = 8;
/** valid credentials from one address, wrong ones from another: a lock the wrong ones earn never hides the valid ones */
const VALID_FROM = `127.0.${200 + (SEED % 50)}.${2 + (SEED % 200)}`;
const ROGUE_FROM = `127.0.${200 + (SEED % 50)}.${3 + (SEED % 200)}`;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "MKCOL", "CONNECTX"] as const;

type TWorld = {
  bizId: number;
  processIds: number[];
  setId: number;
  moduleId: number;
  hostId: number;
  victimUserId: number;
  victimAppId: number;
  admin: TConsoleClient;
  adminPassword: string;
  adminUsername: string;
  app: { code: string; secret: string };
  agentToken: string;
};

type TTally = { requests: number; fiveXx: string[]; offEnvelope: string[]; missingHeaders: string[]; byStatus: Map<number, number> };

const routes = loadApiRouteTable();
let world: TWorld;
const tally: TTally = { requests: 0, fiveXx: [], offEnvelope: [], missingHeaders: [], byStatus: new Map() };

beforeAll(async () => {
  console.log(`[fuzz] seed ${SEED} (replay: PROCDECK_FUZZ_SEED=${SEED} npm test -- fuzz), ${routes.length} route files`);
  world = await buildWorld();
}, 60_000);

afterAll(() => {
  const statuses = [...tally.byStatus.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(" ");
  console.log(`[fuzz] seed ${SEED}: ${tally.requests} requests, ${tally.fiveXx.length} × 5xx, ${tally.offEnvelope.length} outside the envelope, ${tally.missingHeaders.length} without security headers; ${statuses}`);
});

/** A business, topology, users and an app of the fuzz test's own: the only real ids it ever uses. */
async function buildWorld(): Promise<TWorld> {
  const [biz] = await sql<{ bk_biz_id: number }>(`INSERT INTO business (bk_biz_name, bk_supplier_account) VALUES ($1, '0') RETURNING bk_biz_id`, [uniqueName("fuzz")]);
  const setId = await insertSet(biz.bk_biz_id);
  const moduleId = await insertModule(biz.bk_biz_id, setId, "fuzz-mod");
  const { hostId, ip } = await insertHost([moduleId]);
  const processIds: number[] = [];
  for (let index = 0; index < 3; index++) {
    const [row] = await sql<{ bk_process_id: number }>(`INSERT INTO process (bk_biz_id, bk_process_name, bk_func_name) VALUES ($1, $2, 'fuzz') RETURNING bk_process_id`, [biz.bk_biz_id, uniqueName("fuzzproc")]);
    processIds.push(row.bk_process_id);
  }
  const adminUser = await createUser({ isGlobalAdmin: true, prefix: "fuzzadmin" });
  const victim = await createUser({ prefix: "fuzzvictim" });
  const app = await createApp([{ bizId: biz.bk_biz_id, role: "admin" }]);
  const victimApp = await createApp();
  const enrolled = await fetch(`${BASE_URL}/api/agent/v1/enroll`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ enrollment_token: process.env.PROCDECK_TEST_ENROLL_SECRET, bk_cloud_id: 0, ip, hostname: "fuzz", version: "fuzz" }),
  });
  const agentToken = ((await enrolled.json()) as { data: { agent_token: string } }).data.agent_token;
  return {
    bizId: biz.bk_biz_id,
    processIds,
    setId,
    moduleId,
    hostId,
    victimUserId: victim.userId,
    victimAppId: victimApp.appId,
    admin: await signInAs(adminUser.username, adminUser.password, adminUser.userId),
    adminPassword: adminUser.password,
    adminUsername: adminUser.username,
    app: { code: app.code, secret: app.secret },
    agentToken,
  };
}

/** What a path parameter may be: the fuzz test's own ids, or nonsense nobody's id can be. */
function segmentFor(name: string, random: TRandom): string {
  if (random.chance(0.45)) return random.pick(NONSENSE_SEGMENTS);
  switch (name) {
    case "[bizId]":
      return String(world.bizId);
    case "[processId]":
      return String(random.pick(world.processIds));
    case "[setId]":
      return String(world.setId);
    case "[moduleId]":
      return String(world.moduleId);
    case "[hostId]":
      return String(world.hostId);
    case "[userId]":
      return String(world.victimUserId);
    case "[appId]":
      return String(world.victimAppId);
    case "[grantBizId]":
      return random.pick(["0", String(world.bizId)]);
    case "[version]":
      return random.pick(["v3", "v2", "v3", "V3"]);
    case "[account]":
      return random.pick(["0", "1", "%00"]);
    case "[moduleName]":
      return random.pick(["fuzz-mod", "gateway", "%E7%A9%BA%E9%97%B2%E6%9C%BA", "nope"]);
    case "[taskId]":
      return "GSETASK%3A20260101000000%3A1";
    default:
      return random.pick(NONSENSE_SEGMENTS);
  }
}

function pathFor(route: TApiRoute, random: TRandom): string {
  const parts = route.segments.flatMap((segment) => {
    if (segment.startsWith("[...")) return Array.from({ length: 1 + random.int(3) }, () => random.pick(NONSENSE_SEGMENTS.filter((value) => value !== "..")));
    if (segment.startsWith("[")) return [segmentFor(segment, random)];
    return [segment];
  });
  return `/${parts.join("/")}`;
}

type TIdentity = "none" | "session" | "session-no-csrf" | "app" | "app-wrong" | "app-in-body" | "agent" | "agent-wrong";

function headersFor(identity: TIdentity, random: TRandom): Record<string, string> {
  const headers: Record<string, string> = random.chance(0.9) ? { "content-type": "application/json" } : { "content-type": random.pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) };
  if (random.chance(0.2)) headers["accept-language"] = random.pick(["en", "zh-CN", "xx", "*"]);
  if (random.chance(0.1)) headers["x-forwarded-for"] = random.pick(["203.0.113.9", "garbage", "::1, 10.0.0.1"]);
  if (random.chance(0.05)) headers.origin = random.pick(["https://evil.example", "null", BASE_URL.replace("http:", "https:")]);
  else headers.origin = BASE_URL;
  switch (identity) {
    case "session":
    case "session-no-csrf":
      headers.cookie = world.admin.cookieHeader;
      if (identity === "session") headers["x-csrf-token"] = world.admin.csrfToken;
      break;
    case "app":
      headers["x-bkapi-authorization"] = JSON.stringify({ bk_app_code: world.app.code, bk_app_secret: world.app.secret, bk_username: "fuzz" });
      break;
    case "app-wrong":
      headers["x-bkapi-authorization"] = random.pick([
        JSON.stringify({ bk_app_code: `fuzz-ghost-${random.int(50)}`, bk_app_secret: "wrong-secret-0123456789", bk_username: "fuzz" }),
        "{not json",
        '{"bk_app_code":"\\u0000","bk_app_secret":"\\ud800"}',
        JSON.stringify([APP.code]),
      ]);
      break;
    case "agent":
      headers.authorization = `Bearer ${world.agentToken}`;
      break;
    case "agent-wrong":
      headers.authorization = random.pick(["Bearer 1.x", "Bearer ", "Basic YTpi", `Bearer ${"9".repeat(30)}.${"x".repeat(40)}`]);
      break;
    default:
  }
  return headers;
}

function identityFor(route: TApiRoute, random: TRandom): TIdentity {
  const surface = surfaceOf(route.pattern);
  if (random.chance(0.25)) return random.pick(["none", "app-wrong", "agent-wrong", "session-no-csrf"] as const);
  if (surface === "console") return "session";
  if (surface === "agent") return "agent";
  return random.chance(0.8) ? "app" : "app-in-body";
}

function bodyFor(identity: TIdentity, route: TApiRoute, random: TRandom): string | Buffer | undefined {
  const body = nastyBody(random);
  if (typeof body !== "string") return body;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return body;
  const object = parsed as Record<string, unknown>;
  if (identity === "app-in-body") Object.assign(object, { bk_app_code: world.app.code, bk_app_secret: world.app.secret, bk_username: "fuzz" });
  // a valid agent token's poll would wait 25 s for work: ask for none
  if (identity === "agent" && route.pattern.endsWith("/poll")) object.waitMs = 0;
  // sign-in attempts: never as a real user of another test (their slowdown would be someone else's problem)
  if (route.pattern === "/api/console/session" && typeof object.username === "string") object.username = `fuzz-nobody-${random.int(20)}`;
  if (random.chance(0.1)) object[random.pick(["bk_process_name", "username", "task_id", "csv"])] = nastyValue(random);
  return JSON.stringify(object);
}

const SECURITY_HEADERS: [string, RegExp][] = [
  ["x-content-type-options", /^nosniff$/],
  ["x-frame-options", /^DENY$/],
  ["referrer-policy", /./],
  ["permissions-policy", /camera=\(\)/],
  ["content-security-policy", /frame-ancestors 'none'/],
];

function isEnvelope(surface: ReturnType<typeof surfaceOf>, reply: TRawReply, pattern: string): boolean {
  const type = String(reply.headers["content-type"] ?? "");
  if (reply.status === 200 && pattern === "/api/console/audit/export") return type.startsWith("text/csv");
  if (!type.startsWith("application/json")) return false;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(reply.text) as Record<string, unknown>;
  } catch {
    return false;
  }
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
  if (surface === "console") {
    return body.ok === true ? "data" in body : body.ok === false && isObject(body.error) && typeof body.error.code === "number" && typeof body.error.kind === "string" && typeof body.error.message === "string";
  }
  if (surface === "agent") {
    return body.ok === true ? "data" in body : body.ok === false && isObject(body.error) && typeof body.error.code === "string" && typeof body.error.message === "string";
  }
  if (surface === "esb") return typeof body.result === "boolean" && typeof body.code === "number" && typeof body.message === "string" && "data" in body && typeof body.request_id === "string";
  return typeof body.result === "boolean" && typeof body.bk_error_code === "number" && typeof body.bk_error_msg === "string" && "data" in body;
}

async function sendOne(random: TRandom): Promise<{ method: string; path: string; reply: TRawReply; identity: TIdentity }> {
  const route = random.pick(routes);
  const method = random.chance(0.75) && route.methods.length ? random.pick(route.methods) : random.pick(METHODS);
  const identity = identityFor(route, random);
  const path = `${pathFor(route, random)}${nastyQuery(random)}`;
  const body = method === "GET" || method === "HEAD" ? undefined : bodyFor(identity, route, random);
  const from = identity === "app-wrong" || identity === "agent-wrong" || identity === "none" ? ROGUE_FROM : VALID_FROM;
  let reply: TRawReply;
  try {
    reply = await requestFrom(from, method, path, { headers: headersFor(identity, random), body, timeoutMs: 30_000 });
  } catch (error) {
    // no reply at all (reset, hang-up) counts as a reply outside the envelope, with what was sent
    reply = { status: 0, headers: {}, text: `no reply: ${error instanceof Error ? error.message : String(error)}` };
  }
  check(route, method, path, reply);
  return { method, path, reply, identity };
}

function check(route: TApiRoute, method: string, path: string, reply: TRawReply) {
  tally.requests += 1;
  tally.byStatus.set(reply.status, (tally.byStatus.get(reply.status) ?? 0) + 1);
  const what = `${method} ${path.slice(0, 160)} → ${reply.status} ${reply.text.slice(0, 160)}`;
  if (reply.status >= 500) tally.fiveXx.push(what);
  for (const [name, pattern] of SECURITY_HEADERS) {
    if (!pattern.test(String(reply.headers[name] ?? ""))) {
      tally.missingHeaders.push(`${name}: ${what}`);
      break;
    }
  }
  // HEAD and OPTIONS replies carry no body by definition: their status and headers are what counts
  const isBodiless = method === "HEAD" || reply.status === 204 || (method === "OPTIONS" && reply.text === "");
  if (!isBodiless && !isEnvelope(surfaceOf(route.pattern), reply, route.pattern)) tally.offEnvelope.push(what);
}

async function keepSignedIn() {
  const probe = await world.admin.call("GET", "/api/console/session");
  if (probe.status === 200) return;
  // a fuzzed DELETE /api/console/session signed the fuzz admin out: sign in again
  const [user] = await sql<{ id: number }>(`SELECT id FROM "user" WHERE username = $1`, [world.adminUsername]);
  world.admin = await signInAs(world.adminUsername, world.adminPassword, user.id);
}

/** Every table a request could change, minus bookkeeping a read legitimately touches. */
async function stateDigest(): Promise<Record<string, string>> {
  const tables: [string, string[]][] = [
    ["business", []], ["set", []], ["module", []], ["host", ["agent_last_seen_at"]], ["host_module", []], ["process", []], ["process_module_binding", []],
    ["user", ["last_sign_in_at"]], ["user_role", []], ["api_app", ["last_used_at"]], ["app_role", []], ["enrollment_token", []],
    ["managed_process", ["updated_at"]], ["setting", []],
  ];
  const digest: Record<string, string> = {};
  for (const [table, volatile] of tables) {
    const [row] = await sql<{ digest: string | null; n: number }>(
      `SELECT md5(coalesce(string_agg(j, '|' ORDER BY j), '')) AS digest, count(*)::int AS n FROM (SELECT (to_jsonb(t) - $1::text[])::text AS j FROM "${table}" t) rows`,
      [volatile],
    );
    digest[table] = `${row.n}:${row.digest}`;
  }
  const [sessions] = await sql<{ digest: string }>(`SELECT md5(coalesce(string_agg(token_hash, ',' ORDER BY token_hash), '')) AS digest FROM session`);
  digest.session = sessions.digest;
  const [audit] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry WHERE action <> 'sign_in'`);
  digest.audit_entry = String(audit.n);
  // tasks and rows: only how many (reading a task settles overdue rows, a change any read may make)
  const [rows] = await sql<{ tasks: number; rows: number }>(`SELECT (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM task_row) AS rows`);
  digest.task = `${rows.tasks}/${rows.rows}`;
  return digest;
}

describe(`fuzzing every route and method (seed ${SEED})`, () => {
  it(`${REQUESTS} requests: no 5xx, all in the surface's envelope with the security headers`, async () => {
    const random = seededRandom(SEED);
    // one stream of draws decides every request, so a seed replays the same requests in the same order
    const plans = Array.from({ length: Math.ceil(REQUESTS / 200) }, () => random.int(2 ** 31));
    for (const batchSeed of plans) {
      const perWorker = Array.from({ length: CONCURRENCY }, (_, worker) => seededRandom(batchSeed + worker + 1));
      await Promise.all(perWorker.map(async (workerRandom) => {
        for (let index = 0; index < 200 / CONCURRENCY; index++) await sendOne(workerRandom);
      }));
      await keepSignedIn();
    }
    expect(tally.requests).toBeGreaterThanOrEqual(REQUESTS);
    expect(tally.fiveXx, tally.fiveXx.slice(0, 10).join("\n")).toEqual([]);
    expect(tally.offEnvelope, tally.offEnvelope.slice(0, 10).join("\n")).toEqual([]);
    expect(tally.missingHeaders, tally.missingHeaders.slice(0, 10).join("\n")).toEqual([]);
  }, 150_000);

  it(`${SEQUENTIAL_WRITES} writes one at a time: a rejected one changes nothing in the database`, async () => {
    await keepSignedIn();
    const random = seededRandom(SEED ^ 0x5eed);
    let before = await stateDigest();
    let rejected = 0;
    const changedBy: string[] = [];
    for (let index = 0; index < SEQUENTIAL_WRITES; index++) {
      let sent: Awaited<ReturnType<typeof sendOne>>;
      do sent = await sendOne(random);
      while (sent.method === "GET" || sent.method === "HEAD");
      const after = await stateDigest();
      if (sent.reply.status >= 400) {
        rejected += 1;
        const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
        if (changed.length) changedBy.push(`${sent.method} ${sent.path.slice(0, 120)} → ${sent.reply.status} changed ${changed.join(", ")}`);
      }
      before = after;
      if (sent.reply.status < 400 && sent.path.startsWith("/api/console/session")) {
        // signing in again makes a session: the new baseline includes it
        await keepSignedIn();
        before = await stateDigest();
      }
    }
    console.log(`[fuzz] state check: ${SEQUENTIAL_WRITES} writes, ${rejected} rejected, ${changedBy.length} of them changed something`);
    expect(rejected).toBeGreaterThan(SEQUENTIAL_WRITES / 2);
    expect(changedBy, changedBy.join("\n")).toEqual([]);
    expect(tally.fiveXx, tally.fiveXx.slice(0, 10).join("\n")).toEqual([]);
  }, 150_000);
});
