// The built agent for the install tests: the server's own build (npm test makes it before the server
// starts, scripts/run-tests.ts), an older build made once per checkout state for the upgrade tests,
// agents started from the built files with nothing but a PATH without Node, and a loopback proxy
// that can hand out a tampered artefact.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { ensureAgentBuild, readAgentManifest } from "@/scripts/support/agent-build";
import { seaArtefactName, currentPlatform, type TAgentManifest } from "@/lib/protocol/agent-artifacts";
import { waitFor } from "../support/agent-harness";

export const BASE_URL = process.env.PROCDECK_TEST_URL ?? "";
export const ENROLL_SECRET = process.env.PROCDECK_TEST_ENROLL_SECRET ?? "";
export const DIST_DIR = path.resolve("dist/agent");
export const OLD_DIST_DIR = path.resolve("dist/agent-test-old");
export const OLD_VERSION = "0.0.1";
export const SEA_FILE = seaArtefactName(currentPlatform());

export function servedManifest(): TAgentManifest {
  const manifest = readAgentManifest(DIST_DIR);
  if (!manifest) throw new Error("dist/agent has no complete build: run the tests through `npm test` (it builds the agent)");
  return manifest;
}

/** A build with a lower version, made once (kept until the agent's sources change). */
export async function ensureOldBuild(): Promise<TAgentManifest> {
  return ensureAgentBuild({ outDir: OLD_DIST_DIR, version: OLD_VERSION, log: () => {} });
}

export function sha256Of(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

let nodelessPath: string | undefined;

/** A PATH with every command of /usr/bin and /bin except Node and its tools. */
export function pathWithoutNode(): string {
  if (nodelessPath) return nodelessPath;
  const dir = mkdtempSync(path.join(os.tmpdir(), "procdeck-nodeless-bin-"));
  for (const source of ["/usr/bin", "/bin"]) {
    if (!existsSync(source)) continue;
    for (const name of readdirSync(source)) {
      if (/^(node|nodejs|npm|npx|corepack|tsx)$/.test(name) || existsSync(path.join(dir, name))) continue;
      symlinkSync(path.join(source, name), path.join(dir, name));
    }
  }
  nodelessPath = dir;
  return dir;
}

/** `env -i PATH=<no node>`: the only variable the agent sees. */
export function bareEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // ProcessEnv is declared with the server's NODE_ENV; the agent's environment has none
  return { PATH: pathWithoutNode(), ...extra } as unknown as NodeJS.ProcessEnv;
}

export type TRunning = { child: ChildProcess; output: () => string; stop: () => Promise<void> };

/** Runs a command in its own process group (an agent that re-executes itself stays in it). */
export function runGroup(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): TRunning {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    child,
    output: () => output,
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // the whole group is gone already
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      // the re-executed agent of an upgrade is in the same group, but not this child
      await waitFor(() => !groupAlive(child.pid!), 5000, () => `process group ${child.pid} still alive`).catch(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          // gone
        }
      });
    },
  };
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A command run to its end without blocking this process (the loopback proxy lives here too). */
export function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

/** A copy of a built single executable in a fresh, otherwise empty folder: no node_modules anywhere near. */
export function copySea(fromDir: string): { dir: string; bin: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "procdeck-sea-"));
  mkdirSync(path.join(dir, "bin"));
  const bin = path.join(dir, "bin", "procdeck-agent");
  copyFileSync(path.join(fromDir, SEA_FILE), bin);
  spawnSync("chmod", ["755", bin]);
  return { dir, bin };
}

/**
 * A loopback proxy to the test server; with `tamper`, the single executable it hands out has one
 * byte changed (everything else, the install script and the manifest included, passes through).
 */
export async function startProxy({ tamper }: { tamper: boolean }): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(BASE_URL);
  const server = http.createServer((req, res) => {
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } }, (reply) => {
      const isArtefact = tamper && req.url === `/agent/${SEA_FILE}` && reply.statusCode === 200;
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      let isFirst = true;
      reply.on("data", (chunk: Buffer) => {
        if (isArtefact && isFirst && chunk.length > 100) {
          chunk = Buffer.from(chunk);
          chunk[100] ^= 0xff;
          isFirst = false;
        }
        res.write(chunk);
      });
      reply.on("end", () => res.end());
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
