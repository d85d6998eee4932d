import "server-only";
import type { TSqlTx } from "@/lib/core/db";

/** GSETASK:YYYYMMDDhhmmss:N (UTC), N from a database sequence so every server instance agrees. */
export async function nextTaskId(tx: TSqlTx, now = new Date()): Promise<string> {
  const { rows: [{ n }] } = await tx.query<{ n: string }>("SELECT nextval('task_number_seq') AS n");
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `GSETASK:${stamp}:${n}`;
}
