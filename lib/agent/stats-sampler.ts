// Resource figures (CPU, memory, start time) of the running processes the agent knows, refreshed on a
// timer and sent with the heartbeat (each poll). They change every second, so they travel apart from
// the managed list: folding them into its digest would send the whole list every time.
import type { TManagedState, TProcessStatsReport } from "@/lib/protocol/agent-protocol";
import { readProcessStats } from "./process-stats";

export const STATS_INTERVAL_MS = 10_000;

export class StatsSampler {
  private latest: TProcessStatsReport[] = [];
  private isSampling = false;

  constructor(private readonly list: () => TManagedState[]) {}

  /** What the next poll carries: the last sample of each process still running with the same pid. */
  current(): TProcessStatsReport[] {
    const running = new Map(this.list().filter((entry) => entry.isRunning && entry.pid !== null).map((entry) => [`${entry.namespace}\u0000${entry.name}`, entry.pid]));
    return this.latest.filter((stats) => running.get(`${stats.namespace}\u0000${stats.name}`) === stats.pid);
  }

  async sample(): Promise<void> {
    if (this.isSampling) return;
    this.isSampling = true;
    try {
      const running = this.list().filter((entry) => entry.isRunning && entry.pid !== null);
      const samples = await Promise.all(
        running.map(async (entry) => {
          const stats = await readProcessStats(entry.pid);
          if (stats.pid !== entry.pid) return null;
          return { namespace: entry.namespace, name: entry.name, pid: stats.pid, cpuPercent: stats.cpuUsage, memBytes: stats.usePhyMem, startedAt: stats.startTime || null };
        }),
      );
      this.latest = samples.filter((sample) => sample !== null);
    } finally {
      this.isSampling = false;
    }
  }

  start(intervalMs = STATS_INTERVAL_MS): NodeJS.Timeout {
    void this.sample();
    const timer = setInterval(() => void this.sample(), intervalMs);
    timer.unref();
    return timer;
  }
}
