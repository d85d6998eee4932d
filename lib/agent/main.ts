// The Procdeck host agent: `npm run agent -- --server URL --token TOKEN [--ip IP] [--cloud-id N] [--state-dir DIR]`.
// TOKEN is a one-time enrolment token (or the admin-set enrolment secret) the first time; the agent
// token it gets back is kept in the state folder with the managed-process list.
import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { executeOperation, sleep } from "./execute-operation";
import { ManagedListSync } from "./managed-list-sync";
import { AgentStateStore } from "./managed-registry";
import { ManagedWatcher } from "./managed-watcher";
import { MAX_WAIT_MS, type TAgentEvent, type TManagedState, type TWorkItem, type TWorkResult } from "@/lib/protocol/agent-protocol";
import { RetryBackoff } from "./retry-backoff";
import { StatsSampler } from "./stats-sampler";
import { AgentRefusedError, ServerClient } from "./server-client";
import { readAgentVersion } from "./agent-version";
import { SelfUpgrade } from "./self-upgrade";
import { currentPlatform } from "@/lib/protocol/agent-artifacts";
import { HEARTBEAT_INTERVAL_MS } from "@/lib/protocol/agent-socket";
import { SocketLink, SocketUnavailableError } from "./socket-link";

/** package.json's version, written in at bundle time (lib/agent/agent-version.ts) */
export const AGENT_VERSION = readAgentVersion();
const PLATFORM = currentPlatform();

const { values: args } = parseArgs({
  options: {
    server: { type: "string" },
    token: { type: "string" },
    ip: { type: "string" },
    "cloud-id": { type: "string", default: "0" },
    "state-dir": { type: "string" },
    "watch-interval-ms": { type: "string", default: "1000" },
    // the install script enrols first, then starts the service without the one-time token
    "enroll-only": { type: "boolean", default: false },
    version: { type: "boolean", default: false },
    // socket: the gateway's WebSocket only; poll: the HTTP long-poll only; auto: the socket, and the
    // long-poll while a server answers the upgrade with anything but a socket (no gateway, a proxy
    // that drops upgrades)
    transport: { type: "string", default: "auto" },
    // the gateway's own address, when it is not reached through the server's (a gateway run as its own process)
    gateway: { type: "string" },
  },
});
if (args.version) {
  console.log(AGENT_VERSION);
  process.exit(0);
}

function log(message: string) {
  console.log(`${new Date().toISOString()} [agent ${identity}] ${message}`);
}

const TRANSPORTS = ["auto", "socket", "poll"] as const;
const transport = TRANSPORTS.find((name) => name === args.transport);
if (!transport) {
  console.error(`--transport must be one of ${TRANSPORTS.join(", ")}`);
  process.exit(2);
}
/** How long the long-poll serves after a server answered the upgrade without a socket, before the socket is tried again. */
const SOCKET_RETRY_AFTER_MS = 60_000;
const SOCKET_FAILURES_BEFORE_POLL = 3;

const ip = args.ip ?? firstInnerIp();
const cloudId = Number(args["cloud-id"]);
const identity = `${cloudId}:${ip}`;
if (!args.server) {
  console.error("usage: npm run agent -- --server URL --token TOKEN [--ip IP] [--cloud-id N] [--state-dir DIR]");
  process.exit(2);
}
// several servers (comma-separated): instances of one Procdeck without a load balancer in front
const client = new ServerClient(args.server.split(",").map((url) => url.trim()).filter(Boolean));
const store = new AgentStateStore(args["state-dir"] ?? path.join(os.homedir(), ".procdeck-agent", `${cloudId}-${ip}`));

const managedSync = new ManagedListSync();
/**
 * This run of the agent, and the rows it has received and not yet reported: a poll whose reply never
 * arrived (the server died after claiming) leaves rows claimed for this session that are not held,
 * and the next poll gets them again. A restarted agent has a new session, so a row its previous run
 * was executing is never run twice: it ends at its deadline.
 */
const SESSION = randomUUID();
const held = new Set<string>();
/**
 * Rows finished lately: a row pushed over the socket may come once more with the answer to a
 * heartbeat that was on its way meanwhile (the heartbeat's claim did not know the agent held it).
 */
const finished = new Set<string>();
const MAX_FINISHED_REMEMBERED = 10_000;
/** the open socket to the gateway, when there is one: reports go over it */
let link: SocketLink | null = null;
const sampler = new StatsSampler(() => store.list());
/** the watcher saw a liveness change: a report carries the list now, not the next poll (up to 25 s) */
let isManagedChanged = false;
const outbox: TWorkResult[] = [];
const events: TAgentEvent[] = [];
const chains = new Map<string, Promise<void>>();
const busy = new Set<string>();
let isStopping = false;

const keyOf = (item: { namespace: string; name: string }) => `${item.namespace}\u0000${item.name}`;

async function main() {
  const token = await obtainToken();
  if (args["enroll-only"]) process.exit(0);
  const upgrade = new SelfUpgrade({ serverUrl: () => client.serverUrl, currentVersion: AGENT_VERSION, log, report: (progress) => client.report(token, { results: [], events: [], managed: [], upgrade: progress }), beforeRestart: () => store.save() });
  const watcher = new ManagedWatcher(store, (entry: TManagedState) => busy.has(keyOf(entry)), (event) => {
    log(`${event.name}: ${event.message}`);
    events.push(event);
    void flushReports(token);
  }, () => {
    isManagedChanged = true;
    void flushReports(token);
  });
  sampler.start();
  setInterval(() => void watcher.check(), Number(args["watch-interval-ms"]));
  const managedCount = store.list().filter((e) => e.isManaged).length;
  log(transport === "poll" ? `polling ${args.server} (${managedCount} managed processes)` : `serving ${args.server} over its socket (${managedCount} managed processes)`);

  const backoff = new RetryBackoff();
  let socketRetryAt = transport === "poll" ? Infinity : 0;
  let socketFailures = 0;
  while (!isStopping) {
    if (Date.now() >= socketRetryAt) {
      const outcome = await serveOverSocket(token, upgrade);
      if (outcome === "closed") {
        backoff.reset();
        socketFailures = 0;
        continue;
      }
      // a server that is down is retried; one that answers HTTP but drops the upgrade (a proxy
      // resetting upgrades) looks the same, so after a few failures the long-poll is tried as well
      socketFailures += 1;
      if (transport === "socket" || (outcome === "server-down" && socketFailures < SOCKET_FAILURES_BEFORE_POLL)) {
        await sleep(backoff.nextDelayMs());
        continue;
      }
      log(`polling ${client.serverUrl}: no socket there (trying the socket again in ${SOCKET_RETRY_AFTER_MS / 1000} s)`);
      socketRetryAt = Date.now() + SOCKET_RETRY_AFTER_MS;
      socketFailures = 0;
    }
    await pollOnce(token, upgrade, backoff);
  }
}

type TUpgrade = InstanceType<typeof SelfUpgrade>;

/** One long-poll: heartbeat and managed list out, work in. */
async function pollOnce(token: string, upgrade: TUpgrade, backoff: RetryBackoff) {
  try {
    const { managed, receipt } = managedSync.pick(store.list(), isManagedListSettled());
    const reply = await client.poll(token, { version: AGENT_VERSION, platform: PLATFORM, waitMs: MAX_WAIT_MS, managed, stats: sampler.current(), session: SESSION, holding: [...held] });
    managedSync.confirm(receipt);
    backoff.reset();
    receiveWork(reply, token, upgrade);
  } catch (error) {
    managedSync.forget();
    if (error instanceof AgentRefusedError && (error.status === 401 || error.status === 403)) stopRefused(error);
    const delayMs = backoff.nextDelayMs();
    log(`poll failed (${error instanceof Error ? error.message : error}); retrying with ${client.serverUrl} in ${(delayMs / 1000).toFixed(1)} s`);
    await sleep(delayMs);
  }
}

/**
 * Serves over the gateway's socket until it closes: a heartbeat at once and every
 * HEARTBEAT_INTERVAL_MS, work as it is pushed. "server-down": no server of the list could be reached;
 * "no-socket": a server answered the upgrade with something else.
 */
async function serveOverSocket(token: string, upgrade: TUpgrade): Promise<"closed" | "server-down" | "no-socket"> {
  let opened: SocketLink | null = null;
  let isServerDown = false;
  for (let attempt = 0; attempt < client.serverCount && !opened; attempt++) {
    try {
      opened = await SocketLink.open(args.gateway ?? client.serverUrl, token, (reply) => receiveWork(reply, token, upgrade));
    } catch (error) {
      if (error instanceof AgentRefusedError) stopRefused(error);
      isServerDown = !(error instanceof SocketUnavailableError && error.isAnswered);
      log(`socket to ${client.serverUrl} failed (${error instanceof Error ? error.message : error})`);
      if (!isServerDown) return "no-socket";
      client.moveToNextServer();
    }
  }
  if (!opened) return "server-down";
  link = opened;
  log(`connected to ${client.serverUrl}`);
  const closed = opened.closed();
  const beat = async () => {
    const { managed, receipt } = managedSync.pick(store.list(), isManagedListSettled());
    try {
      receiveWork(await opened.heartbeat({ version: AGENT_VERSION, platform: PLATFORM, managed, stats: sampler.current(), session: SESSION, holding: [...held] }), token, upgrade);
      managedSync.confirm(receipt);
    } catch {
      managedSync.forget();
    }
  };
  await beat();
  const heartbeatTimer = setInterval(() => void beat(), HEARTBEAT_INTERVAL_MS);
  if (outbox.length || events.length) void flushReports(token);
  const { refused } = await closed;
  clearInterval(heartbeatTimer);
  link = null;
  managedSync.forget();
  if (refused) stopRefused(refused);
  log("the socket closed; connecting again");
  // the instance went away: the next one of the list (its agents spread over the others)
  client.moveToNextServer();
  return "closed";
}

function receiveWork(reply: { work: TWorkItem[]; upgrade?: { version: string } }, token: string, upgrade: TUpgrade) {
  reply.work.forEach((item) => schedule(item, token));
  if (reply.upgrade) upgrade.start(reply.upgrade);
  if (outbox.length || events.length) void flushReports(token);
}

function stopRefused(error: AgentRefusedError): never {
  log(`the server refused this agent (${error.message}); stopping`);
  process.exit(3);
}

async function obtainToken(): Promise<string> {
  if (store.agentToken) {
    if (args["enroll-only"]) log("already enrolled (the state folder has an agent token)");
    return store.agentToken;
  }
  if (!args.token) {
    console.error("not enrolled yet: pass --token with an enrolment token");
    process.exit(2);
  }
  const backoff = new RetryBackoff();
  for (;;) {
    try {
      const reply = await client.enroll({ enrollment_token: args.token, bk_cloud_id: cloudId, ip, hostname: os.hostname(), version: AGENT_VERSION, platform: PLATFORM });
      store.agentToken = reply.agent_token;
      log(`enrolled as host ${reply.host_id}`);
      return reply.agent_token;
    } catch (error) {
      if (error instanceof AgentRefusedError) {
        console.error(`enrolment refused: ${error.message}`);
        process.exit(2);
      }
      log(`enrolment failed (${error instanceof Error ? error.message : error}); retrying`);
      await sleep(backoff.nextDelayMs());
    }
  }
}

/** Rows of one process run one after another (a start then a stop keep their order); others run in parallel. */
function schedule(item: TWorkItem, token: string) {
  if (held.has(item.rowId) || finished.has(item.rowId)) return;
  held.add(item.rowId);
  const key = keyOf(item);
  const previous = chains.get(key) ?? Promise.resolve();
  const next = previous.then(async () => {
    busy.add(key);
    try {
      const result = await executeOperation(item, store, ip);
      log(`row ${item.rowId} op ${item.opType} ${item.name}: ${result.code} ${result.message}`);
      outbox.push(result);
    } finally {
      busy.delete(key);
    }
    await flushReports(token);
  });
  chains.set(key, next);
  void next.finally(() => chains.get(key) === next && chains.delete(key));
}

let isFlushing = false;

/**
 * A poll sent while operations run or a report is pending carries a list older than the report that
 * follows; if the server handled that poll last it would overwrite the newer state. Such polls send
 * no list (the server keeps what it has) and the report brings the fresh one. Otherwise the list goes
 * only when the server may not have it (lib/agent/managed-list-sync.ts).
 */
function isManagedListSettled(): boolean {
  return chains.size === 0 && outbox.length === 0 && events.length === 0 && !isFlushing;
}
async function flushReports(token: string) {
  if (isFlushing) return;
  isFlushing = true;
  try {
    const backoff = new RetryBackoff();
    while (outbox.length || events.length || isManagedChanged) {
      isManagedChanged = false;
      const results = outbox.splice(0);
      const sent = events.splice(0);
      const { managed, receipt } = managedSync.pick(store.list(), true);
      // a change the server already holds (or one undone meanwhile): nothing to send
      if (!results.length && !sent.length && !managed.length) continue;
      try {
        const report = { results, events: sent, managed };
        await (link?.isOpen ? link.report(report) : client.report(token, report));
        for (const result of results) rememberFinished(result.rowId);
        managedSync.confirm(receipt);
        backoff.reset();
      } catch (error) {
        managedSync.forget();
        outbox.unshift(...results);
        events.unshift(...sent);
        isManagedChanged ||= managed.length > 0;
        if (isStopping) return;
        log(`report failed (${error instanceof Error ? error.message : error}); retrying`);
        await sleep(backoff.nextDelayMs());
      }
    }
  } finally {
    isFlushing = false;
  }
}

function rememberFinished(rowId: string) {
  held.delete(rowId);
  finished.add(rowId);
  // a Set iterates in insertion order: the oldest goes first
  if (finished.size > MAX_FINISHED_REMEMBERED) finished.delete(finished.values().next().value as string);
}

function firstInnerIp(): string {
  for (const addresses of Object.values(os.networkInterfaces())) {
    const found = addresses?.find((a) => a.family === "IPv4" && !a.internal);
    if (found) return found.address;
  }
  return "127.0.0.1";
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    isStopping = true;
    store.save();
    process.exit(0);
  });
}

void main();
