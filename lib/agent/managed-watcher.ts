// Brings managed (resident) processes back when they die: the first attempt at once, later ones
// start_interval apart, at most start_retries failures in a row; each attempt becomes an event.
// It also watches the liveness of every other process it knows (one-shot, periodic, unmanaged), and
// calls onChange whenever what it stored changed, so the agent can tell the server within a second
// instead of with its next poll (the digest in managed-list-sync.ts keeps that to real changes).
import { startProcess } from "./execute-operation";
import { findLivePid } from "./liveness";
import type { AgentStateStore } from "./managed-registry";
import type { TAgentEvent, TManagedState } from "@/lib/protocol/agent-protocol";
import { RESULT_CODE } from "@/lib/protocol/result-codes";

type TRetryState = { failures: number; lastAttemptAt: number; hasGivenUp: boolean };

export class ManagedWatcher {
  private readonly retries = new Map<string, TRetryState>();
  private isChecking = false;

  constructor(
    private readonly store: AgentStateStore,
    private readonly isBusy: (entry: TManagedState) => boolean,
    private readonly emit: (event: TAgentEvent) => void,
    private readonly onChange: () => void = () => {},
  ) {}

  async check(): Promise<void> {
    if (this.isChecking) return;
    this.isChecking = true;
    try {
      for (const entry of this.store.list()) {
        if (this.isBusy(entry)) continue;
        if (entry.isManaged && entry.spec.autoType === 1) await this.checkOne(entry);
        else this.observe(entry);
      }
    } finally {
      this.isChecking = false;
    }
  }

  /** A process the agent does not bring back: only its liveness is recorded. */
  private observe(entry: TManagedState) {
    if (!entry.spec.pidPath) return;
    const pid = findLivePid(entry.spec.pidPath);
    if (entry.isRunning === (pid !== null) && entry.pid === pid) return;
    this.store.upsert(entry.namespace, entry.name, entry.spec, { isRunning: pid !== null, pid });
    this.onChange();
  }

  private async checkOne(entry: TManagedState) {
    const key = `${entry.namespace}\u0000${entry.name}`;
    const pid = findLivePid(entry.spec.pidPath);
    if (pid !== null) {
      this.retries.delete(key);
      if (!entry.isRunning || entry.pid !== pid) {
        this.store.upsert(entry.namespace, entry.name, entry.spec, { isRunning: true, pid });
        this.onChange();
      }
      return;
    }
    // dead: say so before the restart attempt, which may take start_check_secs
    if (entry.isRunning) {
      this.store.upsert(entry.namespace, entry.name, entry.spec, { isRunning: false, pid: null });
      this.onChange();
    }
    const retry = this.retries.get(key) ?? { failures: 0, lastAttemptAt: 0, hasGivenUp: false };
    this.retries.set(key, retry);
    if (retry.hasGivenUp || Date.now() - retry.lastAttemptAt < entry.spec.startInterval * 1000) return;

    retry.lastAttemptAt = Date.now();
    const outcome = await startProcess(entry.spec);
    const at = new Date().toISOString();
    if (outcome.code === RESULT_CODE.DONE) {
      retry.failures = 0;
      const message = `died; restarted (pid ${outcome.pid})`;
      this.store.upsert(entry.namespace, entry.name, entry.spec, { isRunning: true, pid: outcome.pid ?? null, restartCount: entry.restartCount + 1, lastEvent: message });
      this.emit({ namespace: entry.namespace, name: entry.name, kind: "restarted", message, pid: outcome.pid ?? null, at });
      return;
    }
    retry.failures += 1;
    retry.hasGivenUp = retry.failures >= entry.spec.startRetries;
    const message = retry.hasGivenUp ? `died; gave up after ${retry.failures} failed restarts: ${outcome.message}` : `died; restart ${retry.failures} failed: ${outcome.message}`;
    this.store.upsert(entry.namespace, entry.name, entry.spec, { isRunning: false, pid: null, lastEvent: message });
    this.emit({ namespace: entry.namespace, name: entry.name, kind: retry.hasGivenUp ? "gave_up" : "restart_failed", message, pid: null, at });
  }
}
