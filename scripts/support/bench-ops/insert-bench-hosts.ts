// Only hosts the topology knows get work (unknown ones end 117 at once), so the benchmark's
// identities go into the host table first. Addresses are loopback identities: no traffic goes to them.
import type pg from "pg";

export type TBenchHost = { ip: string; cloudId: number };

/** 127.10.x.y for the simulated agents: 250 per /24, so up to 62,500 distinct addresses. */
export function listSimulatedHosts(count: number): TBenchHost[] {
  return Array.from({ length: count }, (_, i) => ({ ip: `127.10.${Math.floor(i / 250)}.${(i % 250) + 1}`, cloudId: 0 }));
}

/** The real agent of the start-latency comparison. */
export const REAL_AGENT_HOST: TBenchHost = { ip: "127.20.0.1", cloudId: 0 };

export async function insertBenchHosts(sql: pg.Client, hosts: TBenchHost[]): Promise<void> {
  await sql.query(
    `INSERT INTO host (bk_host_innerip, bk_cloud_id, bk_host_name)
     SELECT ip, cloud_id, 'bench-' || ip FROM unnest($1::text[], $2::int[]) AS t(ip, cloud_id)
     ON CONFLICT (bk_cloud_id, bk_host_innerip) DO NOTHING`,
    [hosts.map((h) => h.ip), hosts.map((h) => h.cloudId)],
  );
}
