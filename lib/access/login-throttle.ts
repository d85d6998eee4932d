// Failed sign-ins (and failed app authentications, lib/access/app-auth-throttle.ts), counted in the
// login_throttle table so every server instance shares them. Three keys per attempt:
// - (username + client): reaching PROCDECK_LOGIN_MAX_FAILURES locks it for PROCDECK_LOGIN_LOCK_SECS.
//   Only that client is locked out: someone guessing from elsewhere cannot lock the real user out.
// - the client alone: PROCDECK_LOGIN_MAX_FAILURES_PER_IP failures across usernames lock the client
//   (spraying many usernames from one place).
// - the username across clients: never locks; past PROCDECK_LOGIN_MAX_FAILURES failures every attempt
//   for that username waits a little longer (up to PROCDECK_LOGIN_MAX_DELAY_MS) before the password is
//   checked, right or wrong, so a guess spread over many clients is slowed and the real user still
//   gets in (a wait for success and failure alike: a fast "yes" would tell the guesser early).
// While a locking key is locked the attempt is refused before the password is checked, so the right
// password does not help until the lock ends. Every username counts the same way, known or not, so
// a lock says nothing about which usernames exist. The client is the socket's address unless a trusted
// proxy names it (lib/access/client-origin.ts). Times are the database's (one clock for all instances).
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { readLoginEnv, type TLoginEnv } from "@/lib/core/env";
import { text } from "@/lib/core/i18n";

export type TThrottleKeys = { userKey: string; ipKey: string | null; accountKey: string };

type TKeyLimit = { key: string; maxFailures: number };

/** Failures of a key that never locks (it only slows down). */
const NEVER = 2_147_483_647;

// Whole seconds until the lock ends (the column keeps milliseconds, now() microseconds: rounding
// keeps a fresh 900 s lock from reading as 901).
const SECONDS_LEFT = Prisma.sql`round(extract(epoch FROM locked_until - now()))::int`;

let policy: TLoginEnv | undefined;

export function readPolicy(): TLoginEnv {
  policy ??= readLoginEnv();
  return policy;
}

/** The keys of one attempt. IPs never contain "|", so (ip, username) pairs cannot collide. */
export function throttleKeysFor(username: string, clientIp: string, kind: "user" | "app" = "user"): TThrottleKeys {
  const name = kind === "user" ? username.trim().toLowerCase() : username;
  return {
    userKey: `${kind}|${clientIp}|${name}`,
    ipKey: clientIp ? `${kind === "user" ? "ip" : "app-ip"}|${clientIp}` : null,
    accountKey: `${kind}-any|${name}`,
  };
}

/**
 * Refuses the attempt while any locking key of it is locked, saying when to try again; otherwise
 * waits as long as the username's failures across clients ask for.
 */
export async function assertNotLocked(keys: TThrottleKeys): Promise<void> {
  const delayMs = await readLockOrDelay(keys);
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
}

/** Throws TOO_MANY_ATTEMPTS while a locking key is locked; else the slowdown in ms (0: none). */
export async function readLockOrDelay(keys: TThrottleKeys, slowAfter?: number): Promise<number> {
  const limits = readPolicy();
  const wanted = keys.ipKey ? [keys.userKey, keys.ipKey, keys.accountKey] : [keys.userKey, keys.accountKey];
  const rows = await getDb().$queryRaw<{ key: string; seconds_left: number | null; failures: number }[]>`
    SELECT key, CASE WHEN locked_until > now() THEN ${SECONDS_LEFT} END AS seconds_left,
           CASE WHEN window_start > now() - make_interval(secs => ${limits.PROCDECK_LOGIN_WINDOW_SECS}::int) THEN failures ELSE 0 END AS failures
    FROM login_throttle WHERE key = ANY(${wanted}::text[])`;
  const locked = rows.filter((row) => row.key !== keys.accountKey && (row.seconds_left ?? 0) > 0);
  if (locked.length) throw lockedError(Math.max(...locked.map((row) => row.seconds_left ?? 0)));
  const failures = rows.find((row) => row.key === keys.accountKey)?.failures ?? 0;
  return slowdownMs(failures, { ...limits, PROCDECK_LOGIN_MAX_FAILURES: slowAfter ?? limits.PROCDECK_LOGIN_MAX_FAILURES });
}

/** 250 ms at the limit, doubling with each failure past it, at most PROCDECK_LOGIN_MAX_DELAY_MS. */
export function slowdownMs(failures: number, limits: Pick<TLoginEnv, "PROCDECK_LOGIN_MAX_FAILURES" | "PROCDECK_LOGIN_MAX_DELAY_MS">): number {
  const past = failures - limits.PROCDECK_LOGIN_MAX_FAILURES;
  if (past < 0) return 0;
  return Math.min(limits.PROCDECK_LOGIN_MAX_DELAY_MS, 250 * 2 ** Math.min(past, 16));
}

/** Counts one failure against each key; throws TOO_MANY_ATTEMPTS when this failure locked a key. */
export async function recordFailedSignIn(keys: TThrottleKeys, maxFailures?: { perKey: number; perClient: number }): Promise<void> {
  const limits = readPolicy();
  const counted: TKeyLimit[] = [
    { key: keys.userKey, maxFailures: maxFailures?.perKey ?? limits.PROCDECK_LOGIN_MAX_FAILURES },
    { key: keys.accountKey, maxFailures: NEVER },
  ];
  if (keys.ipKey) counted.push({ key: keys.ipKey, maxFailures: maxFailures?.perClient ?? limits.PROCDECK_LOGIN_MAX_FAILURES_PER_IP });
  const locks = await Promise.all(counted.map((limit) => countFailure(limit, limits)));
  forgetStaleKeysNow(limits);
  const secondsLeft = Math.max(0, ...locks);
  if (secondsLeft > 0) throw lockedError(secondsLeft);
}

/** A success forgets the failures of its (username + client) key and the username's slowdown; the client's own count stays. */
export async function clearUserKey(keys: TThrottleKeys): Promise<void> {
  await getDb().loginThrottle.deleteMany({ where: { key: { in: [keys.userKey, keys.accountKey] } } });
}

/**
 * One failure against one key; returns the seconds left of a lock in force on it afterwards (0: none).
 * One statement, so concurrent failures on several instances all count. A window that has passed, or
 * a lock that has ended, starts the count again; a lock in force is never extended by more failures.
 */
async function countFailure({ key, maxFailures }: TKeyLimit, limits: TLoginEnv): Promise<number> {
  const windowSecs = limits.PROCDECK_LOGIN_WINDOW_SECS;
  const lockSecs = limits.PROCDECK_LOGIN_LOCK_SECS;
  const [row] = await getDb().$queryRaw<{ seconds_left: number | null }[]>`
    INSERT INTO login_throttle AS t (key, failures, window_start, locked_until)
    VALUES (${key}, 1, now(), CASE WHEN 1 >= ${maxFailures}::int THEN now() + make_interval(secs => ${lockSecs}::int) END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_start <= now() - make_interval(secs => ${windowSecs}::int) OR t.locked_until <= now() THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN t.window_start <= now() - make_interval(secs => ${windowSecs}::int) OR t.locked_until <= now() THEN now() ELSE t.window_start END,
      locked_until = CASE
        WHEN t.locked_until > now() THEN t.locked_until
        WHEN (CASE WHEN t.window_start <= now() - make_interval(secs => ${windowSecs}::int) OR t.locked_until <= now() THEN 1 ELSE t.failures + 1 END) >= ${maxFailures}::int
          THEN now() + make_interval(secs => ${lockSecs}::int)
        ELSE NULL END
    RETURNING ${SECONDS_LEFT} AS seconds_left`;
  return Math.max(0, row?.seconds_left ?? 0);
}

// Keys whose window passed and whose lock ended mean nothing any more; a few failures clean them up
// now and then rather than every attempt scanning the table.
const CLEANUP_EVERY = 25;
let failuresSinceCleanup = 0;

function forgetStaleKeysNow(limits: TLoginEnv) {
  failuresSinceCleanup += 1;
  if (failuresSinceCleanup < CLEANUP_EVERY) return;
  failuresSinceCleanup = 0;
  getDb()
    .$executeRaw`DELETE FROM login_throttle WHERE window_start <= now() - make_interval(secs => ${limits.PROCDECK_LOGIN_WINDOW_SECS}::int) AND (locked_until IS NULL OR locked_until <= now())`.catch(
    (error: unknown) => console.error("[procdeck] could not clean up login_throttle", error instanceof Error ? error.message : error),
  );
}

export function lockedError(secondsLeft: number): ApiError {
  const minutes = Math.max(1, Math.ceil(secondsLeft / 60));
  const at = new Date(Date.now() + secondsLeft * 1000).toISOString().slice(11, 19);
  return new ApiError(
    "TOO_MANY_ATTEMPTS",
    text(
      `signing in is locked for now, even with the right password; try again in ${minutes} minute${minutes === 1 ? "" : "s"} (after ${at} UTC)`,
      `登录已暂时锁定，即使密码正确也无法登录；请 ${minutes} 分钟后（UTC ${at} 之后）再试`,
    ),
  );
}
