// Statements the server sends, from pg_stat_statements (reset before a window, read after). With
// the pg driver's extended protocol one statement is one round trip; BEGIN/COMMIT of Prisma's
// transactions count too (track_utility is on by default). The benchmark's own queries are left
// out by their text.
import type pg from "pg";

export type TStatementCount = { calls: number; execMs: number; top: { calls: number; meanMs: number; query: string }[] };

/** Marks the benchmark's own queries so the counts can leave them out. */
export const BENCH_TAG = "/* procdeck-bench */";

export async function resetStatementCounts(sql: pg.Client): Promise<void> {
  await sql.query(`${BENCH_TAG} SELECT pg_stat_statements_reset()`);
}

export async function readStatementCounts(sql: pg.Client, topCount = 10): Promise<TStatementCount> {
  const { rows } = await sql.query<{ calls: string; total_exec_time: number; query: string }>(
    `${BENCH_TAG} SELECT s.calls, s.total_exec_time, s.query FROM pg_stat_statements s
     JOIN pg_database d ON d.oid = s.dbid
     WHERE d.datname = current_database() AND s.query NOT LIKE '%procdeck-bench%'
     ORDER BY s.calls DESC`,
  );
  const calls = rows.reduce((sum, row) => sum + Number(row.calls), 0);
  const execMs = rows.reduce((sum, row) => sum + row.total_exec_time, 0);
  const top = rows.slice(0, topCount).map((row) => ({ calls: Number(row.calls), meanMs: row.total_exec_time / Number(row.calls), query: squeeze(row.query) }));
  return { calls, execMs, top };
}

function squeeze(query: string): string {
  const flat = query.replace(/\s+/g, " ").trim();
  return flat.length > 110 ? `${flat.slice(0, 107)}…` : flat;
}
