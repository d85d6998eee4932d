// Bulk seed for the search benchmark: businesses, their sets and modules, processes and module
// bindings, written with one multi-row INSERT (unnest of column arrays) per batch through `pg`.
// A marker row in `setting` records the size, so a later run can reuse the data instead of reseeding.
import pg from "pg";
import { createProgressBar } from "./progress-bar";
import { MODULE_ROLES, PROCESS_KINDS, type TModuleRole } from "./process-catalogue";

export type TSeedSize = { businesses: number; processesPerBusiness: number };
export type TSeedOutcome = { isReused: boolean; seconds: number; processes: number; bindings: number };

const MARKER_KEY = "bench.search.seed";
const SEED_VERSION = 1; // bump when the generated data changes shape, so stale bench data is reseeded
const SETS_PER_BUSINESS = 2;
const PROCESS_BATCH = 5000;
const BINDING_BATCH = 20_000;

export async function seedBenchData(url: string, size: TSeedSize, { isForced }: { isForced: boolean }): Promise<TSeedOutcome> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const previous = await readMarker(client);
    if (!isForced && previous?.version === SEED_VERSION && previous.businesses === size.businesses && previous.processesPerBusiness === size.processesPerBusiness) {
      return { isReused: true, seconds: previous.seconds, processes: previous.processes, bindings: previous.bindings };
    }
    const startedAt = performance.now();
    await removeBenchData(client);
    await insertTopology(client, size);
    const processes = await insertProcesses(client, size);
    const bindings = await insertBindings(client, processes);
    await resetSequences(client);
    // fresh statistics and visibility map: the planner then sees the real sizes (and may use index-only scans)
    await client.query('VACUUM (ANALYZE) business, "set", module, process, process_module_binding');
    const seconds = (performance.now() - startedAt) / 1000;
    const value = JSON.stringify({ version: SEED_VERSION, ...size, seconds, processes, bindings } satisfies TMarker);
    await client.query("INSERT INTO setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()", [MARKER_KEY, value]);
    return { isReused: false, seconds, processes, bindings };
  } finally {
    await client.end();
  }
}

type TMarker = TSeedSize & { version: number; seconds: number; processes: number; bindings: number };

async function readMarker(client: pg.Client): Promise<TMarker | undefined> {
  const found = await client.query<{ value: string }>("SELECT value FROM setting WHERE key = $1", [MARKER_KEY]);
  return found.rows[0] ? (JSON.parse(found.rows[0].value) as TMarker) : undefined;
}

async function removeBenchData(client: pg.Client) {
  await client.query('TRUNCATE process_module_binding, process, host_module, module, "set", business, audit_entry RESTART IDENTITY CASCADE');
}

async function insertTopology(client: pg.Client, { businesses }: TSeedSize) {
  const bar = createProgressBar("seeding businesses", businesses);
  const bizIds = range(businesses, (i) => i + 1);
  await client.query("INSERT INTO business (bk_biz_id, bk_biz_name) SELECT id, 'bench-biz-' || lpad(id::text, 4, '0') FROM unnest($1::int[]) AS id", [bizIds]);

  // like CMDB: an idle pool (default=1) holding the idle/fault modules, then the ordinary sets
  const sets: { id: number; bizId: number; name: string; flag: number }[] = [];
  const modules: { bizId: number; setId: number; name: string; flag: number }[] = [];
  for (const bizId of bizIds) {
    const idle = { id: sets.length + 1, bizId, name: "idle pool", flag: 1 };
    sets.push(idle);
    modules.push({ bizId, setId: idle.id, name: "idle hosts", flag: 1 }, { bizId, setId: idle.id, name: "fault hosts", flag: 2 });
    for (let n = 1; n <= SETS_PER_BUSINESS; n++) {
      const set = { id: sets.length + 1, bizId, name: `set-${n}`, flag: 0 };
      sets.push(set);
      for (const role of MODULE_ROLES) modules.push({ bizId, setId: set.id, name: role, flag: 0 });
    }
  }
  await client.query(`INSERT INTO "set" (bk_set_id, bk_biz_id, bk_set_name, "default") SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[])`, [
    sets.map((s) => s.id),
    sets.map((s) => s.bizId),
    sets.map((s) => s.name),
    sets.map((s) => s.flag),
  ]);
  await client.query(`INSERT INTO module (bk_biz_id, bk_set_id, bk_module_name, "default") SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[])`, [
    modules.map((m) => m.bizId),
    modules.map((m) => m.setId),
    modules.map((m) => m.name),
    modules.map((m) => m.flag),
  ]);
  bar.finish();
}

type TColumnSpec = { name: string; type: string; valueOf: (bizId: number, index: number) => unknown };

const kindOf = (bizId: number, index: number) => PROCESS_KINDS[(index * 7 + bizId) % PROCESS_KINDS.length];

const PROCESS_COLUMNS: TColumnSpec[] = [
  { name: "bk_biz_id", type: "int", valueOf: (bizId) => bizId },
  { name: "bk_process_name", type: "text", valueOf: (bizId, i) => `${kindOf(bizId, i).base}-${i + 1}` },
  { name: "bk_func_name", type: "text", valueOf: (bizId, i) => kindOf(bizId, i).func },
  { name: "bk_func_id", type: "text", valueOf: (bizId, i) => String(PROCESS_KINDS.indexOf(kindOf(bizId, i)) + 1) },
  { name: "description", type: "text", valueOf: (bizId, i) => `${kindOf(bizId, i).base} instance ${i + 1} of bench-biz-${bizId}` },
  { name: "bind_ip", type: "text", valueOf: (_bizId, i) => String((i % 4) + 1) },
  { name: "port", type: "text", valueOf: (bizId, i) => pick(kindOf(bizId, i).ports, i) },
  { name: "protocol", type: "text", valueOf: (_bizId, i) => (i % 10 === 9 ? "2" : "1") },
  { name: "work_path", type: "text", valueOf: (bizId, i) => `/data/${kindOf(bizId, i).base}-${i + 1}` },
  { name: "user", type: "text", valueOf: (bizId, i) => (i % 13 === 0 ? "root" : kindOf(bizId, i).user) },
  { name: "proc_num", type: "int", valueOf: (_bizId, i) => (i % 8) + 1 },
  { name: "priority", type: "int", valueOf: (_bizId, i) => (i % 5) + 1 },
  { name: "timeout", type: "int", valueOf: (_bizId, i) => [30, 60, 120][i % 3] },
  { name: "start_cmd", type: "text", valueOf: (bizId, i) => kindOf(bizId, i).start },
  { name: "stop_cmd", type: "text", valueOf: (bizId, i) => kindOf(bizId, i).stop },
  { name: "restart_cmd", type: "text", valueOf: (bizId, i) => `${kindOf(bizId, i).stop} && ${kindOf(bizId, i).start}` },
  { name: "face_stop_cmd", type: "text", valueOf: (bizId, i) => `pkill -KILL -f ${kindOf(bizId, i).func}` },
  { name: "reload_cmd", type: "text", valueOf: (bizId, i) => kindOf(bizId, i).reload ?? "" },
  { name: "pid_file", type: "text", valueOf: (bizId, i) => `/var/run/${kindOf(bizId, i).base}-${i + 1}.pid` },
  { name: "auto_start", type: "boolean", valueOf: (_bizId, i) => i % 3 !== 0 },
  { name: "auto_time_gap", type: "int", valueOf: (_bizId, i) => [10, 30, 60][i % 3] },
];

async function insertProcesses(client: pg.Client, { businesses, processesPerBusiness }: TSeedSize): Promise<number> {
  const total = businesses * processesPerBusiness;
  const bar = createProgressBar("seeding processes", total);
  const names = PROCESS_COLUMNS.map((c) => `"${c.name}"`).join(", ");
  const arrays = PROCESS_COLUMNS.map((c, i) => `$${i + 1}::${c.type}[]`).join(", ");
  const sql = `INSERT INTO process (${names}) SELECT * FROM unnest(${arrays})`;

  for (let first = 0; first < total; first += PROCESS_BATCH) {
    const count = Math.min(PROCESS_BATCH, total - first);
    const columns = PROCESS_COLUMNS.map(() => new Array<unknown>(count));
    for (let row = 0; row < count; row++) {
      const bizId = Math.floor((first + row) / processesPerBusiness) + 1;
      const index = (first + row) % processesPerBusiness;
      PROCESS_COLUMNS.forEach((column, c) => (columns[c][row] = column.valueOf(bizId, index)));
    }
    await client.query(sql, columns);
    bar.update(first + count);
  }
  bar.finish();
  return total;
}

// Bindings follow the kind (nginx -> gateway, mysqld -> db, redis -> cache); one unbound service in five
// is bound to gateway as well, so about 60% of processes end up bound. Done in SQL from the process rows
// (bk_func_id is the kind's index), in id ranges so the bar moves.
async function insertBindings(client: pg.Client, total: number): Promise<number> {
  const bar = createProgressBar("seeding bindings", total);
  const roleByKind = PROCESS_KINDS.map((kind) => kind.module ?? "");
  let bindings = 0;
  for (let first = 1; first <= total; first += BINDING_BATCH) {
    const { rowCount } = await client.query(
      `INSERT INTO process_module_binding (bk_biz_id, bk_process_id, bk_module_name)
       SELECT p.bk_biz_id, p.bk_process_id, COALESCE(NULLIF(($1::text[])[p.bk_func_id::int], ''), $2::text)
       FROM process p
       WHERE p.bk_process_id BETWEEN $3 AND $4 AND (($1::text[])[p.bk_func_id::int] <> '' OR p.bk_process_id % 5 = 0)`,
      [roleByKind, "gateway" satisfies TModuleRole, first, first + BINDING_BATCH - 1],
    );
    bindings += rowCount ?? 0;
    bar.update(Math.min(total, first + BINDING_BATCH - 1));
  }
  bar.finish();
  return bindings;
}

async function resetSequences(client: pg.Client) {
  for (const [table, column] of [["business", "bk_biz_id"], ["set", "bk_set_id"], ["module", "bk_module_id"], ["process", "bk_process_id"]]) {
    await client.query(`SELECT setval(pg_get_serial_sequence('"${table}"', '${column}'), (SELECT max("${column}") FROM "${table}"))`);
  }
}

function range<T>(count: number, valueOf: (index: number) => T): T[] {
  return Array.from({ length: count }, (_, index) => valueOf(index));
}

function pick<T>(values: T[], index: number): T {
  return values[index % values.length];
}
