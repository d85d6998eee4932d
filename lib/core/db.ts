// The database of a process, made on first use so `next build` never needs one: one pg connection
// pool, which the Prisma client runs on and which the agent protocol's hottest statements use
// directly (lib/operations/poll-agent-work.ts, record-agent-report.ts, agent-token.ts).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readDatabaseUrl, readDbPoolMax, readDbTimeouts } from "@/lib/core/env";

export type TDb = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
/** A transaction on the pool itself (runInSqlTransaction): raw statements only. */
export type TSqlTx = pg.PoolClient;

/**
 * Transactions wait for a free connection up to maxWait (Prisma's 2 s default turned bursts of agent
 * reports into 500s while plain queries simply queued), and may then run up to `timeout`.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 };

const holder = globalThis as unknown as { procdeckDb?: PrismaClient; procdeckPool?: pg.Pool };

export function getPgPool(): pg.Pool {
  const current = holder.procdeckPool;
  if (current && !current.ending) return current;
  // the first pool, or a new one after $disconnect() ended the last (and the client built on it)
  if (current) holder.procdeckDb = undefined;
  const timeouts = readDbTimeouts();
  const pool = new pg.Pool({
    connectionString: readDatabaseUrl(),
    max: readDbPoolMax(),
    // waiting for a free connection and opening one both count against this
    connectionTimeoutMillis: timeouts.PROCDECK_DB_CONNECT_TIMEOUT_MS,
    // enforced by the server, which then answers with a clear error…
    statement_timeout: timeouts.PROCDECK_DB_STATEMENT_TIMEOUT_MS,
    lock_timeout: timeouts.PROCDECK_DB_LOCK_TIMEOUT_MS,
    idle_in_transaction_session_timeout: timeouts.PROCDECK_DB_IDLE_TX_TIMEOUT_MS,
    // …unless the server is frozen (SIGSTOP, a hung host): then the client stops waiting a second later
    query_timeout: timeouts.PROCDECK_DB_STATEMENT_TIMEOUT_MS + 1000,
    // a peer that vanished without closing the socket is noticed
    keepAlive: true,
  });
  // a connection that breaks while idle (database restart) is dropped; the next query opens a new one
  pool.on("error", () => {});
  pool.on("connect", dropOnReadTimeout);
  holder.procdeckPool = pool;
  return pool;
}

export function getDb(): PrismaClient {
  const pool = getPgPool();
  // disposeExternalPool: $disconnect() ends the pool, so scripts exit right after it
  holder.procdeckDb ??= new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: TRANSACTION_OPTIONS });
  return holder.procdeckDb;
}

/**
 * A query the client gave up on (query_timeout: the server is frozen) still occupies its connection,
 * and whatever is sent next on it (a transaction's ROLLBACK) would wait behind it just as long. Such
 * a connection is closed at once, so the rollback fails fast and the pool replaces the connection.
 */
function dropOnReadTimeout(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const result = query(...args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === "Query read timeout") (client as unknown as { connection?: { stream?: { destroy: () => void } } }).connection?.stream?.destroy();
      });
    }
    return result;
  };
}

/** Statement texts prepared per connection by name; past this many distinct texts, the rest run unprepared. */
const MAX_PREPARED_TEXTS = 256;
const preparedNames = new Map<string, string>();

/**
 * A statement built at run time (its text depends on the request's shape, never on its values) on the
 * pool, prepared once per connection under a name derived from the text: parsing and planning are
 * paid once per shape instead of per request. Bounded, so a caller sending endless shapes cannot
 * make every connection keep endless statements.
 */
export async function queryShaped<TRow extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<TRow[]> {
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < MAX_PREPARED_TEXTS) {
    // named by the text itself: Next bundles this module once per route, and every copy shares the
    // pool's connections, so a counter per copy would give two texts one name
    name = `procdeck-shaped-${createHash("sha256").update(text).digest("base64url").slice(0, 32)}`;
    preparedNames.set(text, name);
  }
  return (await getPgPool().query<TRow>(name ? { name, text, values } : { text, values })).rows;
}

/**
 * `work` in one transaction on a pool connection, for writes whose parameters are large: Prisma keeps
 * the arguments of its last 100 debug calls, a query's parameters among them, so a 10,000-host task's
 * rows (8 MB of JSON) stayed in the server's heap after every operation (bench:ops: +10–40 MB a round).
 */
export async function runInSqlTransaction<T>(work: (tx: TSqlTx) => Promise<T>): Promise<T> {
  const client = await getPgPool().connect();
  let isBroken = false;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // a connection that cannot even roll back (the database went away mid-transaction) is not reused
    await client.query("ROLLBACK").catch(() => (isBroken = true));
    throw error;
  } finally {
    client.release(isBroken);
  }
}
