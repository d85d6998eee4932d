// Imported first by scripts/bench-search.ts: ensure-build reads NEXT_DIST_DIR when it is loaded, and the
// benchmark must build into its own folder so it never races other checkouts' builds on a shared machine.
process.env.NEXT_DIST_DIR ||= ".next-bench";
process.env.NEXT_TELEMETRY_DISABLED = "1";

export const BENCH_DATA_DIR = ".data/bench";
export const BENCH_DATABASE = "procdeck_bench";
