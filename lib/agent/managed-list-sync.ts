// Whether a poll or report carries the managed list. The server keeps the last list it took
// (lib/operations/record-managed-states.ts) and reads an empty one as "unchanged", so the agent sends
// the list only when it differs from the last one the server acknowledged (a call that succeeded):
// most reports then carry results alone and take the server's single-statement path
// (lib/operations/record-agent-report.ts). The list still goes
// - on the first call after the agent starts (nothing acknowledged yet: the acknowledgement lives in
//   memory only);
// - on the first call after a failed one: the server may have restarted or lost the request, so what it
//   holds is no longer known;
// - at least every RESEND_AFTER_MS, so a list the server lost some other way heals;
// and never on a poll that is not settled (operations running or a report pending: see
// isManagedListSettled in lib/agent/main.ts), which would carry a list older than the report after it.
import { createHash } from "node:crypto";
import { ZProcSpec, type TManagedState } from "@/lib/protocol/agent-protocol";

export const RESEND_AFTER_MS = 10 * 60_000;

/** A list handed to one call: what it was, in send order, and when. */
export type TManagedReceipt = { digest: string; seq: number; at: number };

const SPEC_KEYS = ZProcSpec.keyof().options;

/** The same for the same states, whatever order their keys were written in (the spec comes from the server's jsonb). */
export function digestManagedList(list: TManagedState[]): string {
  const rows = list.map((entry) => [entry.namespace, entry.name, entry.isManaged, entry.isRunning, entry.pid, entry.restartCount, entry.lastEvent, SPEC_KEYS.map((key) => entry.spec[key])]);
  return createHash("sha256").update(JSON.stringify(rows)).digest("base64url");
}

/** The rule, on its own: does a call now carry the list? */
export function isManagedListDue(input: { isSettled: boolean; digest: string; acknowledged: TManagedReceipt | null; now: number }): boolean {
  if (!input.isSettled) return false;
  if (!input.acknowledged) return true;
  if (input.acknowledged.digest !== input.digest) return true;
  return input.now - input.acknowledged.at >= RESEND_AFTER_MS;
}

export class ManagedListSync {
  private acknowledged: TManagedReceipt | null = null;
  private lastSeq = 0;
  /** receipts handed out up to here were sent before a failure: their success proves nothing newer */
  private forgottenUpTo = 0;

  /** What a call carries: the list or [] ("unchanged"), and the receipt to confirm once it succeeded. */
  pick(list: TManagedState[], isSettled: boolean, now = Date.now()): { managed: TManagedState[]; receipt: TManagedReceipt | null } {
    const digest = digestManagedList(list);
    if (!isManagedListDue({ isSettled, digest, acknowledged: this.acknowledged, now })) return { managed: [], receipt: null };
    this.lastSeq += 1;
    return { managed: list, receipt: { digest, seq: this.lastSeq, at: now } };
  }

  /** The call that carried `receipt` succeeded: the server holds that list, unless a later one already answered. */
  confirm(receipt: TManagedReceipt | null): void {
    if (!receipt || receipt.seq <= Math.max(this.acknowledged?.seq ?? 0, this.forgottenUpTo)) return;
    this.acknowledged = receipt;
  }

  /** A call failed: the next one that can carries the whole list again. */
  forget(): void {
    this.acknowledged = null;
    this.forgottenUpTo = this.lastSeq;
  }
}
