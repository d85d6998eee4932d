// Failed sign-ins are throttled per (username + client) and per client, in the database so every
// server instance shares the count; a username's failures across clients only slow its attempts
// down. The client is the socket's address (x-forwarded-for counts only behind a trusted proxy), so
// each test connects from a loopback address of its own (127.0.x.y) and never locks 127.0.0.1, where
// the rest of the suite signs in. Only throw-away users are used. Limits come from the same
// environment the server reads (lib/core/env.ts), so a run with lowered limits tests those.
import { describe, expect, it } from "vitest";
import { throttleKeysFor } from "@/lib/access/login-throttle";
import { readLoginEnv } from "@/lib/core/env";
import { BASE_URL, sql, uniqueName } from "./support/cmdb-client";
import { createUser } from "./support/principals";
import { loopbackAddress, requestFrom } from "./support/from-address";

const limits = readLoginEnv();
const MAX = limits.PROCDECK_LOGIN_MAX_FAILURES;
const MAX_PER_IP = limits.PROCDECK_LOGIN_MAX_FAILURES_PER_IP;
const isProxyTrusted = limits.PROCDECK_TRUST_PROXY === "1";
const LOCK_MINUTES = Math.ceil(limits.PROCDECK_LOGIN_LOCK_SECS / 60);

type TReply = { status: number; body: { ok: boolean; error?: { code: number; kind: string; message: string } }; text: string };

let nextClient = Math.floor(Math.random() * 20_000);
/** A client address nobody else in the suite uses. */
function newClient(): string {
  nextClient += 1;
  return loopbackAddress(nextClient);
}

async function signInFrom(client: string, username: string, password: string, headers: Record<string, string> = {}): Promise<TReply> {
  const reply = await requestFrom(client, "POST", "/api/console/session", {
    headers: { "content-type": "application/json", origin: BASE_URL, ...headers },
    body: JSON.stringify({ username, password }),
  });
  return { status: reply.status, body: JSON.parse(reply.text), text: reply.text };
}

async function failTimes(client: string, username: string, times: number, headers: Record<string, string> = {}): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < times; attempt += 1) statuses.push((await signInFrom(client, username, `wrong-${attempt}-password`, headers)).status);
  return statuses;
}

function expectLocked(reply: TReply) {
  expect(reply.status, reply.text).toBe(429);
  expect(reply.body, reply.text).toMatchObject({ ok: false, error: { code: 1199429, kind: "TOO_MANY_ATTEMPTS" } });
  expect(reply.body.error?.message).toMatch(new RegExp(`try again in ${LOCK_MINUTES} minutes? \\(after \\d\\d:\\d\\d:\\d\\d UTC\\)`));
}

async function sessionCount(userId: number): Promise<number> {
  const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM session WHERE user_id = $1`, [userId]);
  return row.n;
}

describe("per username and client", () => {
  it(`locks after ${MAX} failures from one client: refused with 429 even with the right password, saying when to try again`, async () => {
    const client = newClient();
    const user = await createUser({ prefix: "locked" });
    expect(await failTimes(client, user.username, MAX - 1)).toEqual(Array(MAX - 1).fill(401));
    expectLocked(await signInFrom(client, user.username, "the-last-wrong-one"));
    expectLocked(await signInFrom(client, user.username, user.password));
    expect(await sessionCount(user.userId)).toBe(0);

    // another user from the same client is not affected
    const bystander = await createUser({ prefix: "bystander" });
    expect((await signInFrom(client, bystander.username, bystander.password)).status).toBe(200);
  });

  it("does not lock the real user out: from another client the right password still works", async () => {
    const attacker = newClient();
    const user = await createUser({ prefix: "target" });
    await failTimes(attacker, user.username, MAX);
    expectLocked(await signInFrom(attacker, user.username, user.password));
    const fromHome = await signInFrom(newClient(), user.username, user.password);
    expect(fromHome.status, fromHome.text).toBe(200);
  });

  it("locks an unknown username exactly like a known one, so a lock reveals nothing", async () => {
    const client = newClient();
    const ghost = uniqueName("ghost");
    expect(await failTimes(client, ghost, MAX - 1)).toEqual(Array(MAX - 1).fill(401));
    expectLocked(await signInFrom(client, ghost, "anything-at-all"));
  });

  it("lets the user in once the lock has ended, and the success clears the count", async () => {
    const client = newClient();
    const user = await createUser({ prefix: "unlocked" });
    await failTimes(client, user.username, MAX);
    expectLocked(await signInFrom(client, user.username, user.password));

    const { userKey, accountKey } = throttleKeysFor(user.username, client);
    const ended = await sql(`UPDATE login_throttle SET locked_until = now() - interval '1 second', window_start = now() - interval '1 day' WHERE key = $1 RETURNING key`, [userKey]);
    expect(ended).toHaveLength(1);
    expect((await signInFrom(client, user.username, user.password)).status).toBe(200);
    expect(await sql(`SELECT 1 FROM login_throttle WHERE key = ANY($1::text[])`, [[userKey, accountKey]])).toEqual([]);
  });

  it("a success before the limit starts the count again", async () => {
    const client = newClient();
    const user = await createUser({ prefix: "forgetful" });
    await failTimes(client, user.username, MAX - 1);
    expect((await signInFrom(client, user.username, user.password)).status).toBe(200);
    expect(await failTimes(client, user.username, MAX - 1)).toEqual(Array(MAX - 1).fill(401));
    expect((await signInFrom(client, user.username, user.password)).status).toBe(200);
  });
});

describe("per username across clients", () => {
  it("failures spread over many clients slow the username's attempts down but never lock it", async () => {
    const user = await createUser({ prefix: "spread" });
    // MAX + 2 failures, each from a client of its own: no (username + client) key comes near its limit
    for (let attempt = 0; attempt < MAX + 2; attempt += 1) expect((await signInFrom(newClient(), user.username, `wrong-${attempt}`)).status).toBe(401);
    const { accountKey } = throttleKeysFor(user.username, "");
    const [row] = await sql<{ failures: number; locked_until: Date | null }>(`SELECT failures, locked_until FROM login_throttle WHERE key = $1`, [accountKey]);
    expect(row).toEqual({ failures: MAX + 2, locked_until: null });
    // the real user still gets in (after the slowdown), and that clears the slowdown
    expect((await signInFrom(newClient(), user.username, user.password)).status).toBe(200);
    expect(await sql(`SELECT 1 FROM login_throttle WHERE key = $1`, [accountKey])).toEqual([]);
  }, 60_000);
});

describe("per client", () => {
  it(`locks a client after ${MAX_PER_IP} failures across usernames; other clients still sign in`, async () => {
    const client = newClient();
    const user = await createUser({ prefix: "shared-ip" });
    // different usernames, so no (username + client) key reaches its own limit first
    for (let batch = 0; batch < MAX_PER_IP; batch += 10) {
      const size = Math.min(10, MAX_PER_IP - batch);
      const replies = await Promise.all(Array.from({ length: size }, () => signInFrom(client, uniqueName("spray"), "wrong-password-1")));
      expect(replies.every((reply) => reply.status === 401 || reply.status === 429)).toBe(true);
    }
    expectLocked(await signInFrom(client, user.username, user.password));
    expect((await signInFrom(newClient(), user.username, user.password)).status).toBe(200);
  }, 120_000);

  it(isProxyTrusted ? "believes x-forwarded-for behind the trusted proxy" : "ignores x-forwarded-for without a trusted proxy: a made-up header does not escape the lock", async () => {
    const client = newClient();
    const user = await createUser({ prefix: "spoof" });
    await failTimes(client, user.username, MAX, { "x-forwarded-for": "203.0.113.1" });
    const spoofed = await signInFrom(client, user.username, user.password, { "x-forwarded-for": "203.0.113.77", "x-procdeck-client-ip": "203.0.113.78" });
    if (isProxyTrusted) expect(spoofed.status).toBe(200);
    else expectLocked(spoofed);
  });
});

describe("where a session was opened", () => {
  it("records the client's address and the user agent", async () => {
    const user = await createUser({ prefix: "origin" });
    const client = newClient();
    await signInFrom(client, user.username, user.password, { "x-forwarded-for": "203.0.113.5, 10.1.2.3", "x-procdeck-client-ip": "203.0.113.6", "user-agent": "origin-test/2.0" });
    const [row] = await sql<{ client_ip: string; user_agent: string }>(`SELECT client_ip, user_agent FROM session WHERE user_id = $1`, [user.userId]);
    expect(row).toEqual({ client_ip: isProxyTrusted ? "203.0.113.5" : client, user_agent: "origin-test/2.0" });
  });
});
