// PROCDECK_BENCH_CPU_PROF_DIR=<dir>: a benchmark's server and gateway run under `node --cpu-prof` and
// leave a .cpuprofile there when they stop (open it in Chrome DevTools or speedscope).
export function readCpuProfileFlags(): string[] {
  const profileDir = process.env.PROCDECK_BENCH_CPU_PROF_DIR;
  return profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
}
