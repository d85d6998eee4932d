import "server-only";
import type { TTx } from "@/lib/core/db";

/** GSETASK:YYYYMMDDhhmmss:N (UTC), N from a database sequence so every server instance agrees. */
export async function nextTaskId(tx: TTx, now = new Date()): Promise<string> {
  const [{ n }] = await tx.$queryRaw<{ n: bigint }[]>`SELECT nextval('task_number_seq') AS n`;
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return `GSETASK:${stamp}:${n}`;
}
