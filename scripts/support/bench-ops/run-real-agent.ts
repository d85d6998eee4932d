// The real host agent (`npm run agent`'s program, lib/agent/main.ts) for the start-latency
// comparison, enrolling with the admin-set secret and keeping its state in a temporary folder.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { BIN } from "../run";
import { registerCleanup, signalGroup } from "./cleanup";
import type { TBenchHost } from "./insert-bench-hosts";

export type TRealAgent = { output: () => string };

export async function startRealAgent(baseUrl: string, enrollSecret: string, host: TBenchHost): Promise<TRealAgent> {
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "procdeck-bench-agent-"));
  const child = spawn(BIN("tsx"), ["lib/agent/main.ts", "--server", baseUrl, "--token", enrollSecret, "--ip", host.ip, "--cloud-id", String(host.cloudId), "--state-dir", stateDir], {
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
  while (!output.includes("polling")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the real agent did not start polling:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { output: () => output };
}
