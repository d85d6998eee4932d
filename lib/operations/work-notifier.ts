// Wakes waiting agent long-polls when work is queued for their host. Tasks are written by any server
// instance; PostgreSQL's NOTIFY (sent at commit) reaches every instance's LISTEN connection, so there
// is no in-memory queue and no sticky sessions. A payload names many hosts at once (a JSON array of
// host ids), so a task for a thousand hosts costs a handful of notifications, not a thousand.
import "server-only";
import pg from "pg";
import { readDatabaseUrl } from "@/lib/core/env";

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

  private ensureListening(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect() {
    const client = new pg.Client({ connectionString: readDatabaseUrl() });
    client.on("notification", (message) => {
      for (const hostId of decodeWorkNotice(message.payload)) this.waiters.get(hostId)?.forEach((wake) => wake());
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
