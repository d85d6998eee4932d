// One LISTEN connection per server process, shared by everything that waits for a NOTIFY (agent work,
// cache invalidation). Notices sent while it is down are lost, so each channel's subscribers are told
// when it drops and when it is back (`onReset`): they treat that as "anything may have changed".
// It reconnects by itself while anyone is subscribed.
import "server-only";
import pg from "pg";
import { readDatabaseUrl } from "@/lib/core/env";

const RECONNECT_DELAY_MS = 1000;

type TSubscriber = { onNotice: (payload: string | undefined) => void; onReset: () => void };

class PgListener {
  private client: pg.Client | null = null;
  /** the channels the current connection LISTENs on */
  private listened = new Set<string>();
  private connecting: Promise<void> | null = null;
  private readonly channels = new Map<string, Set<TSubscriber>>();
  private reconnectTimer: NodeJS.Timeout | null = null;

  isListening(): boolean {
    return this.client !== null;
  }

  /** Subscribes to `channel`; resolves once the connection listens (or failed to, then retries by itself). */
  async subscribe(channel: string, subscriber: TSubscriber): Promise<() => void> {
    // spliced into LISTEN: only plain identifiers
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    const set = this.channels.get(channel) ?? new Set<TSubscriber>();
    set.add(subscriber);
    this.channels.set(channel, set);
    const client = this.client;
    if (client && !this.listened.has(channel)) {
      this.listened.add(channel);
      await client.query(`LISTEN ${channel}`).catch(() => this.drop(client));
    }
    await this.ensureListening();
    return () => {
      set.delete(subscriber);
    };
  }

  ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    // a failed attempt holds callers for the delay, so a database that is down is not asked on every call
    this.connecting ??= this.connect()
      .catch(() => new Promise<void>((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS).unref()).then(() => this.scheduleReconnect()))
      .finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect() {
    const client = new pg.Client({ connectionString: readDatabaseUrl(), keepAlive: true });
    client.on("notification", (message) => this.channels.get(message.channel)?.forEach((s) => s.onNotice(message.payload)));
    client.on("error", () => this.drop(client));
    client.on("end", () => this.drop(client));
    const listened = new Set<string>();
    try {
      await client.connect();
      // a channel subscribed while this connection was being made is listened to as well: the loop
      // ends only when none is missing, and nothing can run between that check and the assignment below
      for (let missing = [...this.channels.keys()]; missing.length; missing = [...this.channels.keys()].filter((channel) => !listened.has(channel))) {
        for (const channel of missing) {
          await client.query(`LISTEN ${channel}`);
          listened.add(channel);
        }
      }
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    // a script that used a cache or the notifier (seeding, a benchmark) may still exit: the socket alone keeps no process alive
    (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
    this.listened = listened;
    this.client = client;
    // whatever subscribers knew before this connection may have missed notices
    this.resetAll();
  }

  private drop(client: pg.Client | null) {
    if (!client) return;
    if (this.client === client) {
      this.client = null;
      this.resetAll();
      this.scheduleReconnect();
    }
    client.end().catch(() => {});
  }

  private scheduleReconnect() {
    if (this.reconnectTimer || !this.hasSubscribers()) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.ensureListening();
    }, RECONNECT_DELAY_MS);
    this.reconnectTimer.unref();
  }

  private hasSubscribers(): boolean {
    for (const set of this.channels.values()) if (set.size) return true;
    return false;
  }

  private resetAll() {
    for (const set of this.channels.values()) set.forEach((s) => s.onReset());
  }
}

const holder = globalThis as unknown as { procdeckPgListener?: PgListener };
export function getPgListener(): PgListener {
  holder.procdeckPgListener ??= new PgListener();
  return holder.procdeckPgListener;
}
