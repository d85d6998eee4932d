// `npm run bench:ops -- [--hosts 1000] [--rounds 3] [--start-reps 5] [--start-check-secs 1] [--poll-interval-ms 500]`
// Every option is bounded, so a run stays bounded in time and count.
import { parseArgs } from "node:util";

export type TBenchOptions = { hosts: number; rounds: number; startReps: number; startCheckSecs: number; pollIntervalMs: number };

const LIMITS: Record<keyof TBenchOptions, { flag: string; min: number; max: number; fallback: number }> = {
  // operate_proc accepts at most 5,000 hosts per request
  hosts: { flag: "hosts", min: 1, max: 5000, fallback: 1000 },
  rounds: { flag: "rounds", min: 1, max: 10, fallback: 3 },
  startReps: { flag: "start-reps", min: 1, max: 20, fallback: 5 },
  startCheckSecs: { flag: "start-check-secs", min: 0, max: 10, fallback: 1 },
  // how often the fan-out's client polls get_proc_operate_result, as a GSE client would
  pollIntervalMs: { flag: "poll-interval-ms", min: 50, max: 5000, fallback: 500 },
};

export function parseBenchOptions(argv: string[]): TBenchOptions {
  const { values } = parseArgs({ args: argv, options: Object.fromEntries(Object.values(LIMITS).map((limit) => [limit.flag, { type: "string" as const }])) });
  const options = {} as TBenchOptions;
  for (const [key, limit] of Object.entries(LIMITS) as [keyof TBenchOptions, (typeof LIMITS)[keyof TBenchOptions]][]) {
    const raw = values[limit.flag];
    const value = raw === undefined ? limit.fallback : Number(raw);
    if (!Number.isInteger(value) || value < limit.min || value > limit.max) throw new Error(`--${limit.flag} must be an integer from ${limit.min} to ${limit.max}`);
    options[key] = value;
  }
  return options;
}
