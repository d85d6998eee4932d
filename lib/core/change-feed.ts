// Caches that every server instance can trust. A change to something cached (an app's secret, roles
// or revocation; a business renamed or deleted) is announced with pg_notify inside the transaction
// that makes it, so PostgreSQL delivers it to every instance's LISTEN connection exactly when the
// change commits. A cache answers from memory only while its instance is listening: when the LISTEN
// connection drops (database restart, network cut), every cache is emptied and bypassed until the
// connection is back, because notices sent meanwhile are lost. No TTL has to be guessed.
import "server-only";
import { getPgPool, type TTx } from "@/lib/core/db";
import { getPgListener } from "@/lib/core/pg-listener";

export const CHANGE_CHANNEL = "procdeck_changes";

export type TChangeTopic = "api-apps" | "businesses";
type TNotice = { topic: TChangeTopic; key: string | null };

/**
 * Announces a change of `topic` (one `key`, or everything when null): in `tx` it is delivered when the
 * transaction commits (and never if it rolls back); without one, at once.
 */
export async function announceChange(tx: TTx | null, topic: TChangeTopic, key: string | number | null = null): Promise<void> {
  const payload = JSON.stringify({ topic, key: key === null ? null : String(key) } satisfies TNotice);
  if (tx) await tx.$executeRaw`SELECT pg_notify(${CHANGE_CHANNEL}, ${payload})`;
  else await getPgPool().query("SELECT pg_notify($1, $2)", [CHANGE_CHANNEL, payload]);
}

type TEntry<V> = { value: V; generation: string };

/**
 * A map of values read from the database, emptied (for one key or all) when any instance announces a
 * change of its topic. `read` is only remembered if no change of that key arrived while it ran, so a
 * read that raced a commit never outlives the notice.
 */
export class SharedCache<V> {
  private readonly entries = new Map<string, TEntry<V>>();
  private generation = 0;
  private readonly keyGenerations = new Map<string, number>();

  constructor(
    readonly topic: TChangeTopic,
    /** misses (null: unknown app, wrong secret) are not remembered: they would fill the cache with junk */
    private readonly maxEntries = 10_000,
  ) {
    getChangeListener().register(this as SharedCache<unknown>);
  }

  async get(key: string, read: () => Promise<V>): Promise<V> {
    const listener = getChangeListener();
    if (!listener.isListening()) {
      void listener.ensureListening();
      return read();
    }
    const hit = this.entries.get(key);
    if (hit && hit.generation === this.generationOf(key)) return hit.value;
    const before = this.generationOf(key);
    const value = await read();
    if (value !== null && listener.isListening() && this.generationOf(key) === before) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, generation: before });
    }
    return value;
  }

  /** Forgets `key`, or everything when null (what an incoming notice does). */
  forget(key: string | null): void {
    if (key === null) {
      this.generation += 1;
      this.keyGenerations.clear();
      this.entries.clear();
      return;
    }
    this.keyGenerations.set(key, (this.keyGenerations.get(key) ?? 0) + 1);
    this.entries.delete(key);
  }

  /** Changes whenever `key` (or the whole cache) is forgotten. */
  private generationOf(key: string): string {
    return `${this.generation}:${this.keyGenerations.get(key) ?? 0}`;
  }
}

class ChangeListener {
  private readonly caches = new Set<SharedCache<unknown>>();
  private subscribed: Promise<unknown> | null = null;
  private isSubscribed = false;

  register(cache: SharedCache<unknown>) {
    this.caches.add(cache);
  }

  isListening(): boolean {
    return this.isSubscribed && getPgListener().isListening();
  }

  ensureListening(): Promise<unknown> {
    // whenever the connection drops or comes back, notices may have been missed: every cache is emptied
    this.subscribed ??= getPgListener().subscribe(CHANGE_CHANNEL, { onNotice: (payload) => this.deliver(payload), onReset: () => this.forgetEverything() }).then(() => (this.isSubscribed = true));
    return this.subscribed.then(() => getPgListener().ensureListening());
  }

  private deliver(payload: string | undefined) {
    const notice = parseNotice(payload);
    if (!notice) return this.forgetEverything();
    for (const cache of this.caches) if (cache.topic === notice.topic) cache.forget(notice.key);
  }

  private forgetEverything() {
    for (const cache of this.caches) cache.forget(null);
  }
}

function parseNotice(payload: string | undefined): TNotice | null {
  try {
    const parsed = JSON.parse(payload ?? "") as Partial<TNotice>;
    if (typeof parsed.topic !== "string") return null;
    return { topic: parsed.topic as TChangeTopic, key: typeof parsed.key === "string" ? parsed.key : null };
  } catch {
    return null;
  }
}

const holder = globalThis as unknown as { procdeckChangeListener?: ChangeListener };
function getChangeListener(): ChangeListener {
  holder.procdeckChangeListener ??= new ChangeListener();
  return holder.procdeckChangeListener;
}
