// The real host agent (`npm run agent`'s program, lib/agent/main.ts) for the start-latency
// comparison, enrolling with the admin-set secret and keeping its state in a temporary folder.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BIN } from "../run";
import { registerCleanup, signalGroup } from "./cleanup";
import type { TBenchHost } from "./insert-bench-hosts";

/** The agent's "serving" line: connected over its socket, or polling (e2e/api/support/agent-harness.ts has the same). */
const AGENT_READY = /connected to|polling/;

export type TRealAgent = { output: () => string };

/** `gatewayUrl`: the agent gateway's own address (the socket), or null for the long-poll only. */
export async function startRealAgent(baseUrl: string, enrollSecret: string, host: TBenchHost, gatewayUrl: string | null): Promise<TRealAgent> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "procdeck-bench-agent-"));
  const child = spawn(BIN("tsx"), ["lib/agent/main.ts", "--server", baseUrl, "--token", enrollSecret, "--ip", host.ip, "--cloud-id", String(host.cloudId), "--state-dir", stateDir, ...(gatewayUrl ? ["--gateway", gatewayUrl] : ["--transport", "poll"])], {
    stdio: ["ignore", "pipe", "pipe"],
    // tsx runs the agent in a child process: its own group lets one signal reach both
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  registerCleanup({
    name: "real agent",
    stopNow: () => signalGroup(child.pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        signalGroup(child.pid);
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      }
      signalGroup(child.pid, "SIGKILL");
      rmSync(stateDir, { recursive: true, force: true });
    },
    isDone: () => child.exitCode !== null || child.signalCode !== null,
  });

  const deadline = Date.now() + 30_000;
  while (!AGENT_READY.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the real agent did not start polling:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { output: () => output };
}
