// Wakes waiting agent long-polls when work is queued for their host. Tasks are written by any server
// instance; PostgreSQL's NOTIFY (sent at commit) reaches every instance's LISTEN connection (lib/core/pg-listener.ts), so there
// is no in-memory queue and no sticky sessions. A payload names many hosts at once (a JSON array of
// host ids), so a task for a thousand hosts costs a handful of notifications, not a thousand.
import "server-only";
import { getPgListener } from "@/lib/core/pg-listener";

export const WORK_CHANNEL = "procdeck_agent_work";
/** NOTIFY payloads must stay under 8000 bytes; host ids are ASCII digits, so characters = bytes. */
const MAX_PAYLOAD_CHARS = 7900;

/** The payloads that together name every host: JSON arrays of ids, each under the NOTIFY limit. */
export function encodeWorkNotices(hostIds: Iterable<number>): string[] {
  const payloads: string[] = [];
  let batch: string[] = [];
  let length = 2;
  for (const id of hostIds) {
    const item = String(id);
    if (batch.length && length + item.length + 1 > MAX_PAYLOAD_CHARS) {
      payloads.push(`[${batch.join(",")}]`);
      batch = [];
      length = 2;
    }
    batch.push(item);
    length += item.length + 1;
  }
  if (batch.length) payloads.push(`[${batch.join(",")}]`);
  return payloads;
}

/** Host ids named by a payload: a JSON array, or a single id (revoking an agent sends one, as earlier versions did for all). */
export function decodeWorkNotice(payload: string | undefined): number[] {
  if (!payload) return [];
  try {
    const parsed: unknown = JSON.parse(payload);
    const ids = Array.isArray(parsed) ? parsed : [parsed];
    return ids.filter((id): id is number => Number.isInteger(id));
  } catch {
    return [];
  }
}

type TWaiter = () => void;
/** Hosts with work queued, or "all" when notices may have been lost (the LISTEN connection dropped). */
export type TWorkWatcher = (hostIds: number[] | "all") => void;

class WorkNotifier {
  private subscribed: Promise<unknown> | null = null;
  private readonly waiters = new Map<number, Set<TWaiter>>();
  private readonly watchers = new Set<TWorkWatcher>();

  /** Registers interest in `hostId` *before* the caller looks for work, so no NOTIFY falls in between. */
  async subscribe(hostId: number): Promise<{ wait: (ms: number, signal?: AbortSignal) => Promise<void>; cancel: () => void }> {
    await this.ensureSubscribed();
    let wake: TWaiter = () => {};
    let isWoken = false;
    const woken = new Promise<void>((resolve) => {
      wake = () => {
        isWoken = true;
        resolve();
      };
    });
    const set = this.waiters.get(hostId) ?? new Set<TWaiter>();
    set.add(wake);
    this.waiters.set(hostId, set);
    const cancel = () => {
      set.delete(wake);
      if (!set.size) this.waiters.delete(hostId);
    };
    const wait = async (ms: number, signal?: AbortSignal) => {
      if (isWoken || signal?.aborted) return cancel();
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => wake();
      signal?.addEventListener("abort", onAbort, { once: true });
      await Promise.race([woken, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      cancel();
    };
    return { wait, cancel };
  }

  /** Every notice, for whoever serves many hosts at once (the agent gateway). */
  async watch(watcher: TWorkWatcher): Promise<() => void> {
    this.watchers.add(watcher);
    await this.ensureSubscribed();
    return () => this.watchers.delete(watcher);
  }

  private ensureSubscribed(): Promise<unknown> {
    // a dropped connection is re-made by the listener; meanwhile waits time out and watchers hear "all" when it is back
    this.subscribed ??= getPgListener().subscribe(WORK_CHANNEL, {
      onNotice: (payload) => {
        const hostIds = decodeWorkNotice(payload);
        for (const hostId of hostIds) this.waiters.get(hostId)?.forEach((wake) => wake());
        if (hostIds.length) this.watchers.forEach((watcher) => watcher(hostIds));
      },
      onReset: () => this.watchers.forEach((watcher) => watcher("all")),
    });
    return this.subscribed;
  }
}

const holder = globalThis as unknown as { procdeckWorkNotifier?: WorkNotifier };
export function getWorkNotifier(): WorkNotifier {
  holder.procdeckWorkNotifier ??= new WorkNotifier();
  return holder.procdeckWorkNotifier;
}
