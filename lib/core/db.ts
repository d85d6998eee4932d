// The database of a process, made on first use so `next build` never needs one: one pg connection
// pool, which the Prisma client runs on and which the agent protocol's hottest statements use
// directly (lib/operations/poll-agent-work.ts, record-agent-report.ts, agent-token.ts).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readDatabaseUrl, readDbPoolMax } from "@/lib/core/env";

export type TDb = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

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
  const pool = new pg.Pool({ connectionString: readDatabaseUrl(), max: readDbPoolMax() });
  // a connection that breaks while idle (database restart) is dropped; the next query opens a new one
  pool.on("error", () => {});
  holder.procdeckPool = pool;
  return pool;
}

export function getDb(): PrismaClient {
  const pool = getPgPool();
  // disposeExternalPool: $disconnect() ends the pool, so scripts exit right after it
  holder.procdeckDb ??= new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), transactionOptions: TRANSACTION_OPTIONS });
  return holder.procdeckDb;
}
