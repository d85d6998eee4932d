// Closed-loop load: `concurrency` workers, each sending its next request as soon as the previous answer
// arrives, first for `warmup` untimed requests, then for `requests` timed ones (or until `maxSeconds`).
export type TLoadOptions = {
  concurrency: number;
  warmup: number;
  requests: number;
  maxSeconds: number;
  /** sends request number `index` (warm-up first: 0 … warmup-1, then the timed ones); throws when the answer is wrong */
  send: (index: number) => Promise<void>;
};

export type TLoadResult = { requests: number; errors: number; seconds: number; rps: number; p50: number; p99: number; firstError?: string };

export async function runLoad({ concurrency, warmup, requests, maxSeconds, send }: TLoadOptions): Promise<TLoadResult> {
  await runWorkers(concurrency, 0, warmup, Infinity, send, () => {});

  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const startedAt = performance.now();
  await runWorkers(concurrency, warmup, warmup + requests, startedAt + maxSeconds * 1000, send, (ms, error) => {
    latencies.push(ms);
    if (error === undefined) return;
    errors += 1;
    firstError ??= error instanceof Error ? error.message : String(error);
  });
  const seconds = (performance.now() - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, seconds, rps: latencies.length / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), firstError };
}

async function runWorkers(concurrency: number, first: number, end: number, deadline: number, send: TLoadOptions["send"], record: (ms: number, error?: unknown) => void) {
  let next = first;
  const worker = async () => {
    while (next < end && performance.now() < deadline) {
      const index = next++;
      const sentAt = performance.now();
      try {
        await send(index);
        record(performance.now() - sentAt);
      } catch (error) {
        record(performance.now() - sentAt, error ?? "failed");
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** nearest-rank percentile of sorted values */
function percentile(sorted: number[], share: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}
