// The one Prisma client of a process, created on first use so `next build` never needs a database.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readDatabaseUrl } from "@/lib/env";

export type TDb = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const holder = globalThis as unknown as { procdeckDb?: PrismaClient };

export function getDb(): PrismaClient {
  holder.procdeckDb ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: readDatabaseUrl(), max: 20 }),
  });
  return holder.procdeckDb;
}
