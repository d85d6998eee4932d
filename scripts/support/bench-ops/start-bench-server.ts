// The real server under test: the one `npm start` runs (scripts/serve.ts, production build) against the
// bench database, with the enrolment secret the simulated and real agents present. Its agents reach
// the gateway bench:ops starts beside it, as a fleet's would reach gateways of their own (README,
// "Running several instances"), so it starts none itself.
import { spawn } from "node:child_process";
import { findFreePort } from "../free-port";
import { waitForHttp } from "../wait-for-http";
import { registerCleanup, signalGroup } from "./cleanup";
import { snapshotFilesNextRewrites } from "./undo-next-build-rewrites";
import { SERVER_MEMORY_FLAGS } from "../node-memory-flags";
import { readCpuProfileFlags } from "../cpu-profile-flags";
import { programArgs } from "../server-programs";

export type TBenchCredentials = { appCode: string; appSecret: string; enrollSecret: string };
/** errors: "[procdeck] unexpected error" lines the server logged (each one a 500), with the distinct first lines. */
export type TBenchServer = { baseUrl: string; pid: number; output: () => string; errors: () => { count: number; samples: string[] } };

export const BENCH_CREDENTIALS: TBenchCredentials = {
  appCode: "procdeck-bench",
  appSecret: "bench-secret-0123456789abcdef",
  enrollSecret: "bench-enroll-secret-0123456789",
};

/** Builds when needed (into NEXT_DIST_DIR), creates the API app, starts the server. */
export async function startBenchServer(databaseUrl: string): Promise<TBenchServer> {
  process.env.DATABASE_URL = databaseUrl;
  // imported only now: ensure-build reads NEXT_DIST_DIR at import, and the Prisma client used by
  // ensureInitialCredentials exists only after the build's `prisma generate`
  const { ensureBuild } = await import("../ensure-build");
  const undoRewrites = snapshotFilesNextRewrites(process.env.NEXT_DIST_DIR || ".next");
  try {
    await ensureBuild();
  } finally {
    undoRewrites().forEach((note) => console.log(`  note: ${note}`));
  }
  const { ensureInitialCredentials } = await import("@/lib/access/ensure-initial-credentials");
  const { getDb } = await import("@/lib/core/db");
  await ensureInitialCredentials({ adminUser: "admin", adminPassword: "bench-admin-password", appCode: BENCH_CREDENTIALS.appCode, appSecret: BENCH_CREDENTIALS.appSecret });
  // the benchmark's own statements must not show up in the server's statement counts
  await getDb().$disconnect();

  const port = await findFreePort(3300);
  const baseUrl = `http://127.0.0.1:${port}`;
  // the memory flags npm start's server runs with
  const server = spawn(process.execPath, [...SERVER_MEMORY_FLAGS, ...readCpuProfileFlags(), ...programArgs("serve"), "--port", String(port), "--host", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_ENV: "production", PROCDECK_AGENT_GATEWAY: "off", PROCDECK_AGENT_ENROLL_SECRET: BENCH_CREDENTIALS.enrollSecret },
    // its own process group: one signal reaches the server and anything it forks
    detached: true,
  });
  let output = "";
  let errorCount = 0;
  const errorSamples = new Map<string, number>();
  let pending = "";
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-8000);
    // a logged error spans several lines: its message is the line after the marker
    const lines = (pending + text).split("\n");
    pending = lines.pop() ?? "";
    lines.forEach((line, i) => {
      if (!line.includes("[procdeck] unexpected error")) return;
      errorCount += 1;
      const message = `${line.replace(/.*\[procdeck\] unexpected error\s*/, "")} ${lines[i + 1] ?? ""}`.trim().slice(0, 200);
      errorSamples.set(message, (errorSamples.get(message) ?? 0) + 1);
    });
  };
  server.stdout.on("data", keep);
  server.stderr.on("data", keep);
  registerCleanup({
    name: "server",
    stopNow: () => signalGroup(server.pid),
    stop: async () => {
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise((resolve) => server.once("exit", resolve));
        signalGroup(server.pid);
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      }
      // anything the server forked that outlived it
      signalGroup(server.pid, "SIGKILL");
    },
    isDone: () => server.exitCode !== null || server.signalCode !== null,
  });
  try {
    await waitForHttp(`${baseUrl}/api/healthz`, 60_000);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}\nserver output:\n${output}`);
  }
  return {
    baseUrl,
    pid: server.pid!,
    output: () => output,
    errors: () => ({ count: errorCount, samples: [...errorSamples].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([message, count]) => `${count}× ${message}`) }),
  };
}
