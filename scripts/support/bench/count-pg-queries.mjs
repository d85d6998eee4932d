// Preloaded into the benchmarked server (NODE_OPTIONS=--import): counts statements sent through `pg`
// (each one round trip to PostgreSQL; Prisma's adapter-pg goes through it too) and writes the running
// count to <BENCH_QUERY_COUNT_DIR>/<pid> a few times a second, so the benchmark can compute trips per
// request without pg_stat_statements (which needs a server restart with a preload library).
// pg's ESM entry re-exports the CommonJS classes, so patching here also patches what require("pg") gets.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { setInterval } from "node:timers";
import pg from "pg";

const dir = process.env.BENCH_QUERY_COUNT_DIR;
if (dir) {
  let count = 0;
  let written = -1;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function countedQuery(...args) {
    count += 1;
    return query.apply(this, args);
  };
  setInterval(() => {
    if (count === written) return;
    written = count;
    try {
      writeFileSync(path.join(dir, String(process.pid)), String(count));
    } catch {
      // the benchmark removed the folder while stopping this server: nobody reads the count any more
    }
  }, 100).unref();
}
