// Another server instance of the same build on the test database (`npm start` runs exactly this
// program, scripts/serve.ts as the build bundled it): what a second machine behind a load balancer would run.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { findFreePort } from "@/scripts/support/free-port";
import { programArgs } from "@/scripts/support/server-programs";
import { waitForHttp } from "@/scripts/support/wait-for-http";

export type TServerInstance = { url: string; pid: number; kill: (signal?: NodeJS.Signals) => Promise<void> };

export async function startServerInstance(env: Record<string, string> = {}): Promise<TServerInstance> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!existsSync(path.join(distDir, "BUILD_ID"))) throw new Error(`no build in ${distDir}: run this file through \`npm test\` without PROCDECK_TEST_DEV=1`);
  const port = await findFreePort(3300);
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [...programArgs("serve"), "--port", String(port), "--host", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", ...env },
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await waitForHttp(`${url}/api/healthz`, 90_000);
  return {
    url,
    pid: child.pid!,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        child.kill(signal);
      }
      await exited;
    },
  };
}
