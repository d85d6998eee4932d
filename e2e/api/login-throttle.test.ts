// Failed sign-ins are throttled per (username + client IP) and per client IP, in the database so every
// server instance shares the count. Only throw-away users and made-up addresses are used here: the
// shared `admin` other tests sign in as must never be locked. Limits come from the same environment
// the server reads (lib/core/env.ts), so a run with lowered limits tests those.
import { describe, expect, it } from "vitest";
import { throttleKeysFor } from "@/lib/access/login-throttle";
import { readLoginEnv } from "@/lib/core/env";
import { sql, uniqueName } from "./support/cmdb-client";
import { createUser } from "./support/principals";
import { signInWith, type TSignInReply } from "./support/admin-support";

const limits = readLoginEnv();
const MAX = limits.PROCDECK_LOGIN_MAX_FAILURES;
const MAX_PER_IP = limits.PROCDECK_LOGIN_MAX_FAILURES_PER_IP;
const isProxyTrusted = limits.PROCDECK_TRUST_PROXY === "1";
const LOCK_MINUTES = Math.ceil(limits.PROCDECK_LOGIN_LOCK_SECS / 60);

async function failTimes(username: string, times: number, headers: Record<string, string> = {}): Promise<number[]> {
  const statuses: number[] = [];
  for (let attempt = 0; attempt < times; attempt += 1) statuses.push((await signInWith(username, `wrong-${attempt}-password`, headers)).status);
  return statuses;
}

function expectLocked(reply: TSignInReply) {
  expect(reply.status, reply.text).toBe(429);
  expect(reply.body, reply.text).toMatchObject({ ok: false, error: { code: 1199429, kind: "TOO_MANY_ATTEMPTS" } });
  expect(reply.body.error?.message).toMatch(new RegExp(`try again in ${LOCK_MINUTES} minutes? \\(after \\d\\d:\\d\\d:\\d\\d UTC\\)`));
  expect(reply.client).toBeNull();
}

async function sessionCount(userId: number): Promise<number> {
  const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM session WHERE user_id = $1`, [userId]);
  return row.n;
}

// Documentation-range addresses nobody else in the suite uses, one per test, so no test's failures
// count against another's address (or the loopback address the rest of the suite signs in from).
let nextOctet = 1 + Math.floor(Math.random() * 200);
function madeUpIp(): string {
  nextOctet += 1;
  return `198.51.100.${nextOctet}`;
}

/** The client IP the server sees for a request that says it comes from `ip` (lib/access/client-origin.ts). */
function seenIp(ip: string): string {
  return isProxyTrusted ? ip : "";
}

describe("per username and client", () => {
  it(`locks after ${MAX} failures: refused with 429 even with the right password, saying when to try again`, async () => {
    const from = { "x-forwarded-for": madeUpIp() };
    const user = await createUser({ prefix: "locked" });
    expect(await failTimes(user.username, MAX - 1, from)).toEqual(Array(MAX - 1).fill(401));
    expectLocked(await signInWith(user.username, "the-last-wrong-one", from));
    expectLocked(await signInWith(user.username, user.password, from));
    expect(await sessionCount(user.userId)).toBe(0);

    // another user from the same client is not affected
    const bystander = await createUser({ prefix: "bystander" });
    expect((await signInWith(bystander.username, bystander.password, from)).status).toBe(200);
  });

  it("locks an unknown username exactly like a known one, so a lock reveals nothing", async () => {
    const from = { "x-forwarded-for": madeUpIp() };
    const ghost = uniqueName("ghost");
    expect(await failTimes(ghost, MAX - 1, from)).toEqual(Array(MAX - 1).fill(401));
    expectLocked(await signInWith(ghost, "anything-at-all", from));
  });

  it("lets the user in once the lock has ended, and the success clears the count", async () => {
    const ip = madeUpIp();
    const from = { "x-forwarded-for": ip };
    const user = await createUser({ prefix: "unlocked" });
    await failTimes(user.username, MAX, from);
    expectLocked(await signInWith(user.username, user.password, from));

    const { userKey } = throttleKeysFor(user.username, seenIp(ip));
    const ended = await sql(`UPDATE login_throttle SET locked_until = now() - interval '1 second', window_start = now() - interval '1 day' WHERE key = $1 RETURNING key`, [userKey]);
    expect(ended).toHaveLength(1);
    expect((await signInWith(user.username, user.password, from)).status).toBe(200);
    expect(await sql(`SELECT 1 FROM login_throttle WHERE key = $1`, [userKey])).toEqual([]);
  });

  it("a success before the limit starts the count again", async () => {
    const from = { "x-forwarded-for": madeUpIp() };
    const user = await createUser({ prefix: "forgetful" });
    await failTimes(user.username, MAX - 1, from);
    expect((await signInWith(user.username, user.password, from)).status).toBe(200);
    expect(await failTimes(user.username, MAX - 1, from)).toEqual(Array(MAX - 1).fill(401));
    expect((await signInWith(user.username, user.password, from)).status).toBe(200);
  });
});

describe("per client IP", () => {
  it(
    isProxyTrusted
      ? `locks a client IP after ${MAX_PER_IP} failures across usernames; other addresses still sign in`
      : "without a trusted proxy, x-forwarded-for is ignored: failures across many usernames lock no one else",
    async () => {
      const ip = madeUpIp();
      const from = { "x-forwarded-for": `${ip}, 10.0.0.1` };
      const user = await createUser({ prefix: "shared-ip" });
      // different usernames, so no (username + IP) key reaches its own limit first
      for (let batch = 0; batch < MAX_PER_IP; batch += 10) {
        const size = Math.min(10, MAX_PER_IP - batch);
        const replies = await Promise.all(Array.from({ length: size }, () => signInWith(uniqueName("spray"), "wrong-password-1", from)));
        expect(replies.every((reply) => reply.status === 401 || reply.status === 429)).toBe(true);
      }
      const fromThatIp = await signInWith(user.username, user.password, from);
      if (isProxyTrusted) {
        expectLocked(fromThatIp);
        expect((await signInWith(user.username, user.password, { "x-forwarded-for": madeUpIp() })).status).toBe(200);
      } else {
        expect(fromThatIp.status).toBe(200);
      }
    },
    120_000,
  );
});

describe("where a session was opened", () => {
  it(isProxyTrusted ? "records the first x-forwarded-for hop and the user agent" : "records the user agent, and no client IP that a header could fake", async () => {
    const user = await createUser({ prefix: "origin" });
    const ip = madeUpIp();
    await signInWith(user.username, user.password, { "x-forwarded-for": `${ip}, 10.1.2.3`, "user-agent": "origin-test/2.0" });
    const [row] = await sql<{ client_ip: string; user_agent: string }>(`SELECT client_ip, user_agent FROM session WHERE user_id = $1`, [user.userId]);
    expect(row).toEqual({ client_ip: seenIp(ip), user_agent: "origin-test/2.0" });
  });
});
