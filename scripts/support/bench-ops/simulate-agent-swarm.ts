// A load generator that speaks the agent protocol: many agent identities in one process, each
// enrolling, long-polling /api/agent/v1/poll and reporting every work item at once with a plausible
// result. For load only: it runs no commands and is not the real agent (lib/agent/main.ts).
import http from "node:http";
import { MAX_WAIT_MS, type TAgentReply, type TEnrollReply, type TPollReply, type TWorkItem, type TWorkResult } from "@/lib/protocol/agent-protocol";
import { OP_TYPE } from "@/lib/protocol/op-types";
import { RetryBackoff } from "@/lib/agent/retry-backoff";
import type { TBenchHost } from "./insert-bench-hosts";

export type TSwarmStats = { polls: number; pollsWithWork: number; reports: number; rowsReported: number; errors: number; lastError: string };
export type TAgentSwarm = {
  enroll: (onProgress: (done: number) => void) => Promise<void>;
  startPolling: () => void;
  /** Long-polls sent and not yet answered: equal to the host count when every agent is waiting. */
  pollsInFlight: () => number;
  /** Reports sent (or waiting to be retried) and not yet accepted. */
  reportsInFlight: () => number;
  stats: () => TSwarmStats;
  stop: () => void;
};

const VERSION = "bench-swarm";
/** Enrolments at once: enough to keep the server busy, few enough not to queue on its 20 DB connections for long. */
const ENROLL_CONCURRENCY = 16;
const ERROR_PAUSE_MS = 500;
// retries follow the real agent's policy (lib/agent/retry-backoff.ts); a round's own timeout bounds the total

type TReply<T> = { status: number; body: TAgentReply<T> | null };

/** A request lost on a keep-alive socket the server closed meanwhile (see post below). */
class StaleSocketError extends Error {}

export function createAgentSwarm(baseUrl: string, hosts: TBenchHost[], enrollSecret: string): TAgentSwarm {
  const url = new URL(baseUrl);
  // one keep-alive socket per identity for its long-poll, plus room for reports in between
  const httpAgent = new http.Agent({ keepAlive: true, maxSockets: hosts.length * 2 + 16, maxFreeSockets: hosts.length * 2 + 16 });
  const tokens: string[] = new Array(hosts.length).fill("");
  const stats: TSwarmStats = { polls: 0, pollsWithWork: 0, reports: 0, rowsReported: 0, errors: 0, lastError: "" };
  let inFlight = 0;
  let reportsInFlight = 0;
  let isStopped = false;

  // A keep-alive socket idle for about the server's keep-alive timeout (5 s, about the pause between
  // rounds) may be closed by it just as a request goes out on it. That request never reached the
  // server: it is sent once more on a new connection, as Node's documentation advises (the real
  // agent's fetch avoids the race by dropping idle sockets early), and not counted as a failure.
  const post = async <T>(pathname: string, token: string | null, body: unknown, timeoutMs: number): Promise<TReply<T>> => {
    try {
      return await postOnce<T>(pathname, token, body, timeoutMs);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      return postOnce<T>(pathname, token, body, timeoutMs);
    }
  };

  const postOnce = <T>(pathname: string, token: string | null, body: unknown, timeoutMs: number): Promise<TReply<T>> =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(JSON.stringify(body));
      let res: http.IncomingMessage | undefined;
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: pathname,
          method: "POST",
          agent: httpAgent,
          headers: { "content-type": "application/json", "content-length": payload.length, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        },
        (response) => {
          res = response;
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            let parsed: TAgentReply<T> | null = null;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as TAgentReply<T>;
            } catch {
              // a non-JSON answer counts as an error below
            }
            resolve({ status: response.statusCode ?? 0, body: parsed });
          });
          response.on("error", reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`${pathname} timed out after ${timeoutMs} ms`)));
      req.on("error", (error: NodeJS.ErrnoException) => {
        const isStale = req.reusedSocket && !res && (error.code === "ECONNRESET" || error.message === "socket hang up");
        reject(isStale ? new StaleSocketError(error.message) : error);
      });
      req.end(payload);
    });

  const noteError = (what: string) => {
    stats.errors += 1;
    stats.lastError = what;
  };

  const enrollOne = async (index: number) => {
    const host = hosts[index];
    for (let attempt = 1; ; attempt++) {
      try {
        const reply = await post<TEnrollReply>("/api/agent/v1/enroll", null, { enrollment_token: enrollSecret, bk_cloud_id: host.cloudId, ip: host.ip, hostname: `bench-${host.ip}`, version: VERSION }, 30_000);
        if (reply.body?.ok) {
          tokens[index] = reply.body.data.agent_token;
          return;
        }
        throw new Error(`enrol ${host.ip}: ${reply.status} ${reply.body && !reply.body.ok ? reply.body.error.message : "no JSON"}`);
      } catch (error) {
        if (attempt >= 3) throw error;
        await pause(ERROR_PAUSE_MS * attempt);
      }
    }
  };

  // like the real agent: the next long-poll goes out at once, the report runs beside it, and
  // failures back off until the call succeeds or the swarm stops
  const pollLoop = async (index: number) => {
    const token = tokens[index];
    const backoff = new RetryBackoff();
    while (!isStopped) {
      let work: TWorkItem[] | null = null;
      inFlight += 1;
      try {
        const reply = await post<TPollReply>("/api/agent/v1/poll", token, { version: VERSION, waitMs: MAX_WAIT_MS, managed: [] }, MAX_WAIT_MS + 15_000);
        if (!reply.body?.ok) throw new Error(`poll: ${reply.status} ${reply.body && !reply.body.ok ? reply.body.error.message : "no JSON"}`);
        work = reply.body.data.work;
      } catch (error) {
        if (!isStopped) noteError(error instanceof Error ? error.message : String(error));
      } finally {
        inFlight -= 1;
      }
      if (isStopped) return;
      if (!work) {
        await pause(backoff.nextDelayMs());
        continue;
      }
      backoff.reset();
      stats.polls += 1;
      if (!work.length) continue;
      stats.pollsWithWork += 1;
      void reportResults(token, work.map(executeInstantly));
    }
  };

  const reportResults = async (token: string, results: TWorkResult[]) => {
    reportsInFlight += 1;
    try {
      await sendReport(token, results);
    } finally {
      reportsInFlight -= 1;
    }
  };

  const sendReport = async (token: string, results: TWorkResult[]) => {
    const backoff = new RetryBackoff();
    while (!isStopped) {
      try {
        const reply = await post<{ accepted: number }>("/api/agent/v1/report", token, { results, events: [], managed: [] }, 30_000);
        if (!reply.body?.ok) throw new Error(`report: ${reply.status} ${reply.body && !reply.body.ok ? reply.body.error.message : "no JSON"}`);
        stats.reports += 1;
        stats.rowsReported += results.length;
        return;
      } catch (error) {
        if (isStopped) return;
        noteError(error instanceof Error ? error.message : String(error));
        await pause(backoff.nextDelayMs());
      }
    }
  };

  return {
    enroll: async (onProgress) => {
      let next = 0;
      let done = 0;
      const worker = async () => {
        while (next < hosts.length && !isStopped) {
          const index = next++;
          await enrollOne(index);
          onProgress(++done);
        }
      };
      await Promise.all(Array.from({ length: Math.min(ENROLL_CONCURRENCY, hosts.length) }, worker));
    },
    startPolling: () => {
      hosts.forEach((_, index) => void pollLoop(index));
    },
    pollsInFlight: () => inFlight,
    reportsInFlight: () => reportsInFlight,
    stats: () => ({ ...stats }),
    stop: () => {
      isStopped = true;
      httpAgent.destroy();
    },
  };
}

/** What the real agent would answer, without doing it: op 2 reports "not running" like a host with nothing there. */
export function executeInstantly(item: TWorkItem): TWorkResult {
  const now = new Date().toISOString();
  const isStatus = item.opType === OP_TYPE.STATUS;
  const content = isStatus ? JSON.stringify({ process: [{ procname: item.spec.procName, instance: [{ pid: -1, isAuto: false, startTime: null }] }], pid: -1, isAuto: false, managed: false, start_time: null }) : "";
  return { rowId: item.rowId, code: 0, message: isStatus ? "not running" : "done (simulated)", content, exitCode: isStatus ? null : 0, outputTail: "", pid: null, startedAt: now, finishedAt: now };
}

function pause(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
