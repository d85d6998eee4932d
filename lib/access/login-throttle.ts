// Failed sign-ins, counted in the login_throttle table so every server instance shares them. Two keys
// per attempt: (username + client IP), and the client IP alone when it is known (lib/access/
// client-origin.ts). A key that reaches its limit within the window is locked for the lock period;
// while any key of an attempt is locked, the attempt is refused before the password is checked, so
// the right password does not help until the lock ends. Every username counts the same way, known or
// not, so a lock says nothing about which usernames exist. Times are the database's (one clock for
// all instances).
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { getDb } from "@/lib/core/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { readLoginEnv, type TLoginEnv } from "@/lib/core/env";
import { text } from "@/lib/core/i18n";

export type TThrottleKeys = { userKey: string; ipKey: string | null };

type TKeyLimit = { key: string; maxFailures: number };

// Whole seconds until the lock ends (the column keeps milliseconds, now() microseconds: rounding
// keeps a fresh 900 s lock from reading as 901).
const SECONDS_LEFT = Prisma.sql`round(extract(epoch FROM locked_until - now()))::int`;

let policy: TLoginEnv | undefined;

function readPolicy(): TLoginEnv {
  policy ??= readLoginEnv();
  return policy;
}

/** The keys of one attempt. IPs never contain "|", so (ip, username) pairs cannot collide. */
export function throttleKeysFor(username: string, clientIp: string): TThrottleKeys {
  return { userKey: `user|${clientIp}|${username.trim().toLowerCase()}`, ipKey: clientIp ? `ip|${clientIp}` : null };
}

/** Refuses the attempt while any of its keys is locked, saying when to try again. */
export async function assertNotLocked(keys: TThrottleKeys): Promise<void> {
  const wanted = keys.ipKey ? [keys.userKey, keys.ipKey] : [keys.userKey];
  const [lock] = await getDb().$queryRaw<{ seconds_left: number }[]>`
    SELECT ${SECONDS_LEFT} AS seconds_left
    FROM login_throttle WHERE key = ANY(${wanted}::text[]) AND locked_until > now()
    ORDER BY locked_until DESC LIMIT 1`;
  if (lock) throw lockedError(lock.seconds_left);
}

/** Counts one failure against each key; throws TOO_MANY_ATTEMPTS when this failure locked a key. */
export async function recordFailedSignIn(keys: TThrottleKeys): Promise<void> {
  const limits = readPolicy();
  const counted: TKeyLimit[] = [{ key: keys.userKey, maxFailures: limits.PROCDECK_LOGIN_MAX_FAILURES }];
  if (keys.ipKey) counted.push({ key: keys.ipKey, maxFailures: limits.PROCDECK_LOGIN_MAX_FAILURES_PER_IP });
  const locks = await Promise.all(counted.map((limit) => countFailure(limit, limits)));
  forgetStaleKeysNow(limits);
  const secondsLeft = Math.max(0, ...locks);
  if (secondsLeft > 0) throw lockedError(secondsLeft);
}

/** A successful sign-in forgets the failures of its (username + IP) key; the IP's own count stays. */
export async function clearUserKey(keys: TThrottleKeys): Promise<void> {
  await getDb().loginThrottle.deleteMany({ where: { key: keys.userKey } });
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

function lockedError(secondsLeft: number): ApiError {
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
