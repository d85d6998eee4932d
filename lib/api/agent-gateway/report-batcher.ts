// Reports from many agents' sockets written together: while one statement runs, the reports arriving
// meanwhile wait for the next, so a thousand hosts finishing at once cost a handful of statements
// instead of a thousand requests. A quiet gateway writes each report at once (no timer to wait for).
import "server-only";
import type { TReportRequest } from "@/lib/protocol/agent-protocol";
import { recordResultBatch } from "@/lib/operations/record-agent-report";

/** Results per statement: one statement's JSON stays a few MiB. */
const MAX_BATCH_RESULTS = 5000;

type TPending = { hostId: number; results: TReportRequest["results"]; settle: (outcome: { accepted: number } | { error: unknown }) => void };

export class ReportBatcher {
  private pending: TPending[] = [];
  private isWriting = false;

  /** Resolves with the rows accepted for this host once the statement carrying them committed. */
  record(hostId: number, results: TReportRequest["results"]): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending.push({ hostId, results, settle: (outcome) => ("error" in outcome ? reject(outcome.error) : resolve(outcome.accepted)) });
      if (!this.isWriting) void this.drain();
    });
  }

  private async drain() {
    this.isWriting = true;
    try {
      while (this.pending.length) {
        const batch = this.takeBatch();
        try {
          const acceptedByHost = await recordResultBatch(batch);
          // a host may have sent several reports in one batch: each learns the host's total, which is
          // only informative (the agent forgets a row once its report is acknowledged)
          for (const entry of batch) entry.settle({ accepted: acceptedByHost.get(entry.hostId) ?? 0 });
        } catch (error) {
          for (const entry of batch) entry.settle({ error });
        }
      }
    } finally {
      this.isWriting = false;
    }
  }

  private takeBatch(): TPending[] {
    let results = 0;
    let count = 0;
    while (count < this.pending.length && (count === 0 || results + this.pending[count].results.length <= MAX_BATCH_RESULTS)) {
      results += this.pending[count].results.length;
      count += 1;
    }
    return this.pending.splice(0, count);
  }
}
