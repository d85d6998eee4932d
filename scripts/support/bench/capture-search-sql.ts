// The raw-SQL floor must run exactly what the API runs: the statement comes from the API's own builder.
// Imported dynamically (after `prisma generate`), since lib/processes pulls in the generated client.
import { buildSearchJsonStatement } from "@/lib/processes/search-processes";

export type TCapturedQuery = { sql: string; params: unknown[] };

export async function captureSearchSql(bizId: number, body: unknown): Promise<TCapturedQuery> {
  const { sql, params } = buildSearchJsonStatement({ id: bizId, supplierAccount: "0", name: "" }, body);
  return { sql, params };
}
