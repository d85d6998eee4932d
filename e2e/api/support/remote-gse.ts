// A "remote GSE" for the dispatch tests: another Procdeck of the same build (server-instance.ts) on a
// database of its own in the test's PostgreSQL, so it shares nothing with the server under test but
// the network. Its ESB surface speaks GSE's operate_proc_multi / get_proc_operate_result_v2, and its
// agents (agent-harness.ts, servers: [remote.url]) run the real commands. One API app may operate
// every business there.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { hashToken } from "@/lib/access/secret-hash";
import { sql, uniqueName } from "./cmdb-client";
import { startServerInstance, type TServerInstance } from "./server-instance";

export type TRemoteGse = {
  server: TServerInstance;
  /** the GSE component prefix a business is configured with */
  gatewayUrl: string;
  app: { code: string; secret: string };
  /** a query on the remote's own database */
  query: <T extends pg.QueryResultRow>(text: string, values?: unknown[]) => Promise<T[]>;
  stop: () => Promise<void>;
};

export async function startRemoteGse(): Promise<TRemoteGse> {
  const database = uniqueName("gse_remote").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  await sql(`CREATE DATABASE ${database}`);
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const migrated = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (migrated.status !== 0) throw new Error(`migrating the remote GSE's database failed:\n${migrated.stderr}`);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const query = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await pool.query<T>(text, values)).rows;
  const app = { code: uniqueName("gse-remote-app"), secret: `remote-secret-${uniqueName("s")}-0123456789` };
  const [row] = await query<{ id: number }>(`INSERT INTO api_app (code, secret_hash, created_by) VALUES ($1, $2, 'test') RETURNING id`, [app.code, hashToken(app.secret)]);
  await query(`INSERT INTO app_role (app_id, bk_biz_id, role, granted_by) VALUES ($1, 0, 'admin', 'test')`, [row.id]);
  const server = await startOwnInstance(databaseUrl, app);
  return {
    server,
    gatewayUrl: `${server.url}/api/c/compapi/v2/gse/`,
    app,
    query,
    stop: async () => {
      await server.kill();
      await pool.end();
    },
  };
}

/**
 * The instance, checked to be the one on our database: on a busy machine another test's server may
 * take the port between its probe and our listen, and would answer /api/healthz in its place.
 */
async function startOwnInstance(databaseUrl: string, app: { code: string; secret: string }): Promise<TServerInstance> {
  for (let attempt = 1; ; attempt += 1) {
    const server = await startServerInstance({ DATABASE_URL: databaseUrl });
    const reply = await fetch(`${server.url}/api/c/compapi/v2/gse/get_proc_operate_result_v2/`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ bk_app_code: app.code, bk_app_secret: app.secret, bk_username: "probe", task_id: "GSETASK:20260101000000:1" }),
    }).catch(() => null);
    const body = reply ? ((await reply.json().catch(() => null)) as { code?: number } | null) : null;
    // our app is known there: any answer but "authentication failed"
    if (typeof body?.code === "number" && body.code !== 1199027) return server;
    await server.kill();
    if (attempt === 3) throw new Error(`the remote GSE at ${server.url} is not the instance on ${databaseUrl}`);
  }
}
