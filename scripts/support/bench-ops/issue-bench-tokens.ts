// Agent tokens for the simulated hosts, written straight into the host table: at 10,000 hosts the
// enrolment round trips would take longer than the operation measured, and enrolment is not what the
// benchmark is about. The tokens are made and stored as enrolment makes them (lib/operations/agent-token.ts).
import type pg from "pg";
import { generateSecret, hashToken } from "@/lib/access/secret-hash";
import type { TBenchHost } from "./insert-bench-hosts";

export async function issueBenchTokens(sql: pg.Client, hosts: TBenchHost[]): Promise<string[]> {
  const { rows } = await sql.query<{ bk_host_id: number; ip: string }>("SELECT bk_host_id, bk_host_innerip AS ip FROM host WHERE bk_cloud_id = 0 AND bk_host_innerip = ANY($1::text[])", [hosts.map((h) => h.ip)]);
  const idByIp = new Map(rows.map((row) => [row.ip, row.bk_host_id]));
  const tokens = hosts.map((host) => {
    const id = idByIp.get(host.ip);
    if (!id) throw new Error(`bench host ${host.ip} is not in the host table`);
    return `${id}.${generateSecret(32)}`;
  });
  await sql.query(
    `UPDATE host h SET agent_token_hash = t.hash, agent_revoked_at = NULL, agent_version = 'bench-swarm'
     FROM unnest($1::int[], $2::text[]) AS t(id, hash) WHERE h.bk_host_id = t.id`,
    [tokens.map((token) => Number(token.split(".")[0])), tokens.map(hashToken)],
  );
  return tokens;
}
