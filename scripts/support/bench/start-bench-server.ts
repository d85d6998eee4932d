// The server `npm start` runs (scripts/serve.ts, production build) on a free loopback port against the
// bench database, in its own process group so stopping it also stops any worker it forks. No agent
// gateway: search has no agents.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { findFreePort } from "../free-port";
import { SERVER_MEMORY_FLAGS } from "../node-memory-flags";
import { readCpuProfileFlags } from "../cpu-profile-flags";
import { programArgs } from "../server-programs";
import { waitForHttp } from "../wait-for-http";

export type TBenchServer = {
  baseUrl: string;
  queryCountDir: string;
  /** SIGTERM, then wait (at most a few seconds) until it has exited */
  stop: () => Promise<void>;
};

const COUNTER_PRELOAD = pathToFileURL(path.join(import.meta.dirname, "count-pg-queries.mjs")).href;
const STOP_WAIT_MS = 5000;

export async function startBenchServer(databaseUrl: string): Promise<TBenchServer> {
  const port = await findFreePort(3300);
  const baseUrl = `http://127.0.0.1:${port}`;
  const queryCountDir = mkdtempSync(path.join(os.tmpdir(), "procdeck-bench-queries-"));
  // the memory flags npm start's server runs with
  const server = spawn(process.execPath, [...SERVER_MEMORY_FLAGS, ...readCpuProfileFlags(), ...programArgs("serve"), "--port", String(port), "--host", "127.0.0.1"], {
    // inherited, not piped: a server whose stderr pipe closes under it (we exited first) spins on EPIPE
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PROCDECK_AGENT_GATEWAY: "off",
      DATABASE_URL: databaseUrl,
      BENCH_QUERY_COUNT_DIR: queryCountDir,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${COUNTER_PRELOAD}`.trim(),
    },
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const kill = () => {
    try {
      if (server.pid && server.exitCode === null) process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  const removeCountDir = () => rmSync(queryCountDir, { recursive: true, force: true });
  // registered at once: an exit while the server is still starting (Ctrl-C, error) must not orphan it
  const killOnExit = () => {
    kill();
    removeCountDir();
  };
  process.once("exit", killOnExit);
  exited.then(() => process.removeListener("exit", killOnExit));

  const stop = async () => {
    kill();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, STOP_WAIT_MS).unref())]);
    removeCountDir();
  };

  try {
    await Promise.race([
      waitForHttp(`${baseUrl}/api/healthz`, 60_000),
      exited.then(() => Promise.reject(new Error(`the server exited with ${server.exitCode ?? server.signalCode}`))),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, queryCountDir, stop };
}
