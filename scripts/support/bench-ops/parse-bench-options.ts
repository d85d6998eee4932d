// `npm run bench:ops -- [--hosts 1000] [--transport socket|poll] [--rounds 3] [--start-reps 5] [--start-check-secs 1] [--poll-interval-ms 500]`
// Every option is bounded, so a run stays bounded in time and count.
import { parseArgs } from "node:util";

export type TBenchTransport = "socket" | "poll";
export type TBenchOptions = { hosts: number; rounds: number; startReps: number; startCheckSecs: number; pollIntervalMs: number; transport: TBenchTransport };

type TNumericOption = Exclude<keyof TBenchOptions, "transport">;

const LIMITS: Record<TNumericOption, { flag: string; min: number; max: number; fallback: number }> = {
  // past 5,000 (operate_proc's limit per request) the operation goes as one operate_proc_multi
  hosts: { flag: "hosts", min: 1, max: 20_000, fallback: 1000 },
  rounds: { flag: "rounds", min: 1, max: 10, fallback: 3 },
  startReps: { flag: "start-reps", min: 1, max: 20, fallback: 5 },
  startCheckSecs: { flag: "start-check-secs", min: 0, max: 10, fallback: 1 },
  // how often the fan-out's client polls get_proc_operate_result, as a GSE client would
  pollIntervalMs: { flag: "poll-interval-ms", min: 50, max: 5000, fallback: 500 },
};

export function parseBenchOptions(argv: string[]): TBenchOptions {
  const { values } = parseArgs({ args: argv, options: { ...Object.fromEntries(Object.values(LIMITS).map((limit) => [limit.flag, { type: "string" as const }])), transport: { type: "string" as const } } });
  // the agents' socket to the gateway (the default), or the HTTP long-poll it falls back to
  const transport = values.transport ?? "socket";
  if (transport !== "socket" && transport !== "poll") throw new Error("--transport must be socket or poll");
  const options = { transport } as TBenchOptions;
  for (const [key, limit] of Object.entries(LIMITS) as [TNumericOption, (typeof LIMITS)[TNumericOption]][]) {
    const raw = (values as Record<string, string | undefined>)[limit.flag];
    const value = raw === undefined ? limit.fallback : Number(raw);
    if (!Number.isInteger(value) || value < limit.min || value > limit.max) throw new Error(`--${limit.flag} must be an integer from ${limit.min} to ${limit.max}`);
    options[key] = value;
  }
  return options;
}
