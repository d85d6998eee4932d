// Wrong app secrets on the CMDB and ESB surfaces get the sign-in treatment (lib/access/login-throttle.ts):
// PROCDECK_APP_AUTH_MAX_FAILURES per (app code + client) and PROCDECK_APP_AUTH_MAX_FAILURES_PER_IP per
// client lock that key (429, even with the right secret); failures of one app code across clients
// slow its calls down instead, so guessing from many places cannot lock the real app out. The lock
// state is read from the database at most every CHECK_EVERY_MS per (app, client) and instance, so
// an app's ordinary calls do not each pay a query.
import { authenticateApp, isRecord, type TAppCaller, type TRequestMeta } from "@/lib/access/authenticate-app";
import { readClientOrigin } from "@/lib/access/client-origin";
import { lockedError, readLockOrDelay, readPolicy, recordFailedSignIn, throttleKeysFor, type TThrottleKeys } from "@/lib/access/login-throttle";
import { ApiError } from "@/lib/core/errors";

const CHECK_EVERY_MS = 2000;
const MAX_CACHED = 10_000;

type TCachedState = { delayMs: number; lockedUntil: number; checkedAt: number };
const states = new Map<string, TCachedState>();

export async function authenticateAppThrottled(req: TRequestMeta, body: unknown): Promise<TAppCaller> {
  const code = readAppCode(req, body);
  // no code at all: nothing to guess at; authenticateApp says what is missing
  if (!code) return authenticateApp(req, body);
  const keys = throttleKeysFor(code.slice(0, 64), readClientOrigin(req.headers).clientIp, "app");
  await waitOrRefuse(keys);
  try {
    return await authenticateApp(req, body);
  } catch (error) {
    if (error instanceof ApiError && error.kind === "UNAUTHENTICATED") await countFailure(keys);
    throw error;
  }
}

async function waitOrRefuse(keys: TThrottleKeys) {
  const now = Date.now();
  let state = states.get(keys.userKey);
  if (!state || now - state.checkedAt > CHECK_EVERY_MS) {
    state = await readState(keys, now);
    remember(keys.userKey, state);
  }
  if (state.lockedUntil > now) throw lockedError(Math.ceil((state.lockedUntil - now) / 1000));
  if (state.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
}

async function readState(keys: TThrottleKeys, now: number): Promise<TCachedState> {
  try {
    return { delayMs: await readLockOrDelay(keys, readPolicy().PROCDECK_APP_AUTH_MAX_FAILURES), lockedUntil: 0, checkedAt: now };
  } catch (error) {
    if (!(error instanceof ApiError) || error.kind !== "TOO_MANY_ATTEMPTS") throw error;
    // the lock's end is in the message only; checking again after CHECK_EVERY_MS finds it precisely
    return { delayMs: 0, lockedUntil: now + CHECK_EVERY_MS, checkedAt: now };
  }
}

async function countFailure(keys: TThrottleKeys) {
  const limits = readPolicy();
  // the next call from here reads the fresh count instead of a cached "all clear"
  states.delete(keys.userKey);
  await recordFailedSignIn(keys, { perKey: limits.PROCDECK_APP_AUTH_MAX_FAILURES, perClient: limits.PROCDECK_APP_AUTH_MAX_FAILURES_PER_IP });
}

function remember(key: string, state: TCachedState) {
  if (states.size >= MAX_CACHED) states.clear();
  states.set(key, state);
}

/** The app code the caller claims, wherever it put it (the same places authenticateApp reads). */
function readAppCode(req: TRequestMeta, body: unknown): string | undefined {
  const header = req.headers.get("x-bkapi-authorization");
  if (header) {
    try {
      const parsed: unknown = JSON.parse(header);
      return isRecord(parsed) && typeof parsed.bk_app_code === "string" && parsed.bk_app_code ? parsed.bk_app_code : undefined;
    } catch {
      return undefined;
    }
  }
  const fromBody = isRecord(body) && typeof body.bk_app_code === "string" && body.bk_app_code ? body.bk_app_code : undefined;
  return fromBody ?? (new URL(req.url).searchParams.get("bk_app_code") || undefined);
}
