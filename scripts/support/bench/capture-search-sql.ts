// The raw-SQL floor must run exactly what the API runs. Rather than copy the SQL builder, call the real
// searchProcesses() with a stand-in database that records the statement instead of executing it.
// Imported dynamically (after `prisma generate`), since lib/db pulls in the generated client.
import { getDb, getPgPool } from "@/lib/core/db";
import { searchProcesses } from "@/lib/processes/search-processes";

export type TCapturedQuery = { sql: string; params: unknown[] };

// lib/core/db.ts keeps its one client on globalThis under this name (made on its live pool, which is why
// the pool is made first); if that ever changes, the check below fails loudly
const holder = globalThis as unknown as { procdeckDb?: unknown };

export async function captureSearchSql(bizId: number, body: unknown): Promise<TCapturedQuery> {
  const captured: TCapturedQuery[] = [];
  const recorder = {
    $queryRawUnsafe: async (sql: string, ...params: unknown[]) => {
      captured.push({ sql, params });
      return [{ __total: 0 }]; // any answer will do: only the statement is wanted
    },
  };
  getPgPool();
  const saved = holder.procdeckDb;
  holder.procdeckDb = recorder;
  try {
    if ((getDb() as unknown) !== recorder) throw new Error("lib/core/db.ts no longer keeps its client in globalThis.procdeckDb: update capture-search-sql.ts");
    await searchProcesses({ id: bizId, supplierAccount: "0", name: "" }, body);
  } finally {
    holder.procdeckDb = saved;
  }
  if (captured.length !== 1) throw new Error(`searchProcesses issued ${captured.length} statements, expected 1`);
  return captured[0];
}
