// Readiness: can this instance serve requests that need the database? One round trip, bounded by
// the pool's connect and statement timeouts (lib/db.ts), so a frozen database answers "not ready"
// within seconds instead of hanging the load balancer's probe.
import { ApiError } from "@/lib/api/errors";
import { getPgPool } from "@/lib/db";
import { text } from "@/lib/i18n";

export type TReadiness = { status: "ready"; database: "up"; latencyMs: number };

export async function checkReadiness(): Promise<TReadiness> {
  const startedAt = Date.now();
  try {
    await getPgPool().query("SELECT 1");
  } catch {
    throw new ApiError("UNAVAILABLE", text("the database is not answering", "数据库无响应"));
  }
  return { status: "ready", database: "up", latencyMs: Date.now() - startedAt };
}
