// The task-page benchmark's data, straight in its throw-away database: a business with two sets of
// two modules, `hostCount` hosts spread over them, three processes bound to every module, and a
// finished console task of any size (rows cycle through the processes; one in seven failed).
import type pg from "pg";

const PROCESSES = ["bench-nginx", "bench-api", "bench-worker"];

export async function seedTaskTopology(sql: pg.Client, hostCount: number): Promise<number> {
  const { rows: [biz] } = await sql.query<{ id: number }>(`INSERT INTO business (bk_biz_name) VALUES ('Task page bench') RETURNING bk_biz_id AS id`);
  const modules: number[] = [];
  for (const setName of ["set-a", "set-b"]) {
    const { rows: [set] } = await sql.query<{ id: number }>(`INSERT INTO "set" (bk_biz_id, bk_set_name) VALUES ($1, $2) RETURNING bk_set_id AS id`, [biz.id, setName]);
    for (const moduleName of [`${setName}-web`, `${setName}-app`]) {
      const { rows: [module] } = await sql.query<{ id: number }>(`INSERT INTO module (bk_biz_id, bk_set_id, bk_module_name) VALUES ($1, $2, $3) RETURNING bk_module_id AS id`, [biz.id, set.id, moduleName]);
      modules.push(module.id);
    }
  }
  await sql.query(
    `WITH h AS (
       INSERT INTO host (bk_host_innerip, bk_cloud_id, bk_host_name)
       SELECT '127.30.' || (n / 250) || '.' || (n % 250 + 1), 0, 'bench-' || n FROM generate_series(0, $1::int - 1) AS n
       RETURNING bk_host_id)
     INSERT INTO host_module (bk_host_id, bk_module_id) SELECT bk_host_id, ($2::int[])[bk_host_id % 4 + 1] FROM h`,
    [hostCount, modules],
  );
  for (const name of PROCESSES) {
    const { rows: [process] } = await sql.query<{ id: number }>(`INSERT INTO process (bk_biz_id, bk_process_name, bk_func_name) VALUES ($1, $2, $2) RETURNING bk_process_id AS id`, [biz.id, name]);
    await sql.query(`INSERT INTO process_module_binding (bk_biz_id, bk_process_id, bk_module_name) SELECT $1, $2, bk_module_name FROM module WHERE bk_biz_id = $1`, [biz.id, process.id]);
  }
  return biz.id;
}

export async function seedBenchTask(sql: pg.Client, bizId: number, rows: number): Promise<string> {
  const taskId = `GSETASK:20261201000000:${900000 + rows}`;
  await sql.query(
    `INSERT INTO task (id, source, op_type, bk_biz_id, requested_by, row_count, created_at, finished_at)
     VALUES ($1, 'console', 7, $2, 'admin', $3, now() - interval '2 minutes', now() - interval '1 minute')`,
    [taskId, bizId, rows],
  );
  await sql.query(
    `INSERT INTO task_row (task_id, bk_host_id, bk_cloud_id, ip, namespace, name, op_type, spec, code, message, started_at, finished_at, output_tail)
     SELECT $1, h.bk_host_id, 0, h.bk_host_innerip, 'GSEKIT_BIZ_' || $2, ($4::text[])[n % 3 + 1], 7, '{"opTimeout": 60}'::jsonb,
       CASE WHEN n % 7 = 3 THEN 65535 ELSE 0 END, CASE WHEN n % 7 = 3 THEN 'exit code 1' ELSE 'restarted' END,
       now() - interval '2 minutes', now() - interval '2 minutes' + make_interval(secs => 1 + (n % 50) / 10.0),
       CASE WHEN n % 7 = 3 THEN 'restart failed: port in use' ELSE '' END
     FROM generate_series(0, $3::int - 1) AS n
     JOIN LATERAL (SELECT bk_host_id, bk_host_innerip FROM host ORDER BY bk_host_id OFFSET n / 3 LIMIT 1) h ON true`,
    [taskId, bizId, rows, PROCESSES],
  );
  return taskId;
}
