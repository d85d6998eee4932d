// EXPLAIN ANALYZE of the captured search statements against the seeded data: which indexes each plan
// uses, whether anything scans a whole table, and the server-side execution time (no network, no app).
import type pg from "pg";
import type { TCapturedQuery } from "./capture-search-sql";

export type TPlanSummary = { indexes: string[]; seqScans: string[]; meanMs: number; maxMs: number; samplePlan: string };

type TPlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: TPlanNode[] };

export async function explainQueries(pool: pg.Pool, queries: TCapturedQuery[]): Promise<TPlanSummary> {
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  const times: number[] = [];
  for (const { sql, params } of queries) {
    const { rows } = await pool.query<{ "QUERY PLAN": [{ Plan: TPlanNode; "Execution Time": number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    const [{ Plan, "Execution Time": ms }] = rows[0]["QUERY PLAN"];
    times.push(ms);
    visit(Plan, (node) => {
      if (node["Index Name"]) indexes.add(node["Index Name"]);
      if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) seqScans.add(node["Relation Name"]);
    });
  }
  const slowest = queries[times.indexOf(Math.max(...times))];
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF, SUMMARY ON) ${slowest.sql}`, slowest.params);
  return {
    indexes: [...indexes].sort(),
    seqScans: [...seqScans].sort(),
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
    maxMs: Math.max(...times),
    samplePlan: rows.map((row) => row["QUERY PLAN"]).join("\n"),
  };
}

function visit(node: TPlanNode, action: (node: TPlanNode) => void) {
  action(node);
  for (const child of node.Plans ?? []) visit(child, action);
}
