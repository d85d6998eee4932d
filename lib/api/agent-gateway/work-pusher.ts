// Pushes queued work to connected agents the moment it is queued. A NOTIFY names the hosts of a task
// (work-notifier.ts); the hosts connected here are claimed for together, in one statement per batch
// (claimQueuedWork), and each gets its rows over its socket. The hosts the claim finds revoked,
// deleted or re-enrolled are dropped.
import "server-only";
import type { TWorkItem } from "@/lib/protocol/agent-protocol";
import { claimQueuedWork } from "@/lib/operations/claim-agent-work";

/** Hosts per claim statement. */
const MAX_BATCH_HOSTS = 5000;
const RETRY_DELAY_MS = 1000;

export type TPushTarget = {
  hostId: number;
  /** the agent session, known once its first heartbeat was answered */
  session: string | null;
  tokenHash: string;
  push: (work: TWorkItem[]) => void;
  refuse: () => void;
};

export class WorkPusher {
  private readonly pending = new Set<number>();
  private isClaiming = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly findTarget: (hostId: number) => TPushTarget | undefined) {}

  /** Work may be queued for these hosts (the ones not connected here are ignored). */
  notify(hostIds: Iterable<number>) {
    for (const hostId of hostIds) if (this.findTarget(hostId)?.session) this.pending.add(hostId);
    if (!this.isClaiming && !this.retryTimer && this.pending.size) void this.drain();
  }

  stop() {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.pending.clear();
  }

  private async drain() {
    this.isClaiming = true;
    try {
      while (this.pending.size) {
        const hostIds = [...this.pending].slice(0, MAX_BATCH_HOSTS);
        for (const hostId of hostIds) this.pending.delete(hostId);
        const targets = hostIds.map((hostId) => this.findTarget(hostId)).filter((target): target is TPushTarget & { session: string } => Boolean(target?.session));
        if (!targets.length) continue;
        try {
          const claimed = await claimQueuedWork(targets.map((target) => ({ hostId: target.hostId, session: target.session, tokenHash: target.tokenHash })));
          for (const target of targets) {
            if (claimed.refused.has(target.hostId)) target.refuse();
            else {
              const work = claimed.work.get(target.hostId);
              if (work?.length) target.push(work);
            }
          }
          if (claimed.isTruncated) for (const hostId of claimed.work.keys()) this.pending.add(hostId);
        } catch (error) {
          // the database is away: try again shortly (rows wait claimed by nobody; the agents' own
          // heartbeats claim them too)
          console.error("[procdeck] agent gateway: claiming queued work failed; retrying", error instanceof Error ? error.message : error);
          for (const target of targets) this.pending.add(target.hostId);
          this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            void this.drain();
          }, RETRY_DELAY_MS);
          return;
        }
      }
    } finally {
      this.isClaiming = false;
    }
  }
}
