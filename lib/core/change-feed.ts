// Caches that every server instance can trust. A change to something cached (an app's secret, roles
// or revocation; a business renamed or deleted) is announced with pg_notify inside the transaction
// that makes it, so PostgreSQL delivers it to every instance's LISTEN connection exactly when the
// change commits. A cache answers from memory only while its instance is listening: when the LISTEN
// connection drops (database restart, network cut), every cache is emptied and bypassed until the
// connection is back, because notices sent meanwhile are lost. No TTL has to be guessed.
import "server-only";
import pg from "pg";
import { getPgPool, type TTx } from "@/lib/core/db";
import { readDatabaseUrl } from "@/lib/core/env";

export const CHANGE_CHANNEL = "procdeck_changes";
const RECONNECT_DELAY_MS = 1000;

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
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly caches = new Set<SharedCache<unknown>>();

  register(cache: SharedCache<unknown>) {
    this.caches.add(cache);
  }

  isListening(): boolean {
    return this.client !== null;
  }

  ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect()
      .catch(() => new Promise<void>((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS).unref()))
      .finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect() {
    const client = new pg.Client({ connectionString: readDatabaseUrl(), keepAlive: true });
    client.on("notification", (message) => this.deliver(message.payload));
    const drop = () => {
      if (this.client === client) {
        this.client = null;
        this.forgetEverything();
      }
      client.end().catch(() => {});
    };
    client.on("error", drop);
    client.on("end", drop);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    // a script that used a cache (seeding, a benchmark) may still exit: the socket alone keeps no process alive
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    // whatever was cached before this connection may have missed notices
    this.forgetEverything();
    this.client = client;
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
