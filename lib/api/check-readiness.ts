// Readiness: can this instance serve requests that need the database? One round trip, bounded by
// the pool's connect and statement timeouts (lib/core/db.ts), so a frozen database answers "not ready"
// within seconds instead of hanging the load balancer's probe.
import "server-only";
import { ApiError } from "@/lib/core/errors";
import { getPgPool } from "@/lib/core/db";
import { text } from "@/lib/core/i18n";

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
