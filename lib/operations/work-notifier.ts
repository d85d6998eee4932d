// Wakes waiting agent long-polls when work is queued for their host. Tasks are written by any server
// instance; PostgreSQL's NOTIFY (sent at commit) reaches every instance's LISTEN connection, so there
// is no in-memory queue and no sticky sessions.
import pg from "pg";
import { readDatabaseUrl } from "@/lib/env";

export const WORK_CHANNEL = "procdeck_agent_work";

type TWaiter = () => void;

class WorkNotifier {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly waiters = new Map<number, Set<TWaiter>>();

  /** Registers interest in `hostId` *before* the caller looks for work, so no NOTIFY falls in between. */
  async subscribe(hostId: number): Promise<{ wait: (ms: number, signal?: AbortSignal) => Promise<void>; cancel: () => void }> {
    await this.ensureListening();
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
      if (isWoken) return cancel();
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

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect() {
    const client = new pg.Client({ connectionString: readDatabaseUrl() });
    client.on("notification", (message) => {
      const waiters = this.waiters.get(Number(message.payload));
      waiters?.forEach((wake) => wake());
    });
    // a dropped connection (database restart) is re-made on the next subscribe; meanwhile waits time out
    const drop = () => {
      if (this.client === client) this.client = null;
      client.end().catch(() => {});
    };
    client.on("error", drop);
    client.on("end", drop);
    await client.connect();
    await client.query(`LISTEN ${WORK_CHANNEL}`);
    this.client = client;
  }
}

const holder = globalThis as unknown as { procdeckWorkNotifier?: WorkNotifier };
export function getWorkNotifier(): WorkNotifier {
  holder.procdeckWorkNotifier ??= new WorkNotifier();
  return holder.procdeckWorkNotifier;
}
