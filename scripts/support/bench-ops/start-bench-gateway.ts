// The agent gateway as its own process (scripts/agent-gateway.ts) against the bench database, as it
// runs when scaled out: the benchmark's server starts no gateway of its own.
import { spawn } from "node:child_process";
import { findFreePort } from "../free-port";
import { waitForHttp } from "../wait-for-http";
import { registerCleanup, signalGroup } from "./cleanup";
import { GATEWAY_MEMORY_FLAGS } from "../node-memory-flags";
import { programArgs } from "../server-programs";
import { readCpuProfileFlags } from "../cpu-profile-flags";

export type TBenchGateway = { baseUrl: string; pid: number };

export async function startBenchGateway(databaseUrl: string): Promise<TBenchGateway> {
  const port = await findFreePort(3400);
  const child = spawn(process.execPath, [...GATEWAY_MEMORY_FLAGS, ...readCpuProfileFlags(), ...programArgs("agent-gateway"), "--port", String(port), "--host", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "production" },
    detached: true,
  });
  registerCleanup({ name: "agent gateway", stopNow: () => signalGroup(child.pid), stop: async () => signalGroup(child.pid) });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/healthz`, 60_000);
  if (!child.pid) throw new Error("the agent gateway did not start");
  return { baseUrl, pid: child.pid };
}
