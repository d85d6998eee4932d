// Debian's supervisor as the yardstick: our own supervisord (foreground, config and socket in a
// temporary folder, never the system one) running the same pid-file daemon in the foreground, with
// startsecs equal to Procdeck's start_check_secs.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { run } from "../run";
import { registerCleanup } from "./cleanup";

export type TSupervisor = {
  version: string;
  /** `supervisorctl start <program>`: returns once supervisord reports it RUNNING (after startsecs). */
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

export const SUPERVISED_PROGRAM = "bench-daemon";

/** Installs Debian's supervisor when it is missing (as `npm test` does for chromium). */
export async function ensureSupervisor(): Promise<void> {
  if (spawnSync("sh", ["-c", "command -v supervisord && command -v supervisorctl"], { stdio: "ignore" }).status === 0) return;
  console.log("  installing Debian's supervisor (apt-get install -y supervisor)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args: string[]) => (process.getuid?.() === 0 ? run("apt-get", args, { env }) : run("sudo", ["apt-get", ...args], { env }));
  await apt(["update", "-qq"]);
  await apt(["install", "-y", "-qq", "supervisor"]);
}

export async function startSupervisor({ command, startSecs }: { command: string; startSecs: number }): Promise<TSupervisor> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "procdeck-bench-supervisor-"));
  const config = path.join(dir, "supervisord.conf");
  writeFileSync(
    config,
    [
      "[unix_http_server]",
      `file=${dir}/supervisor.sock`,
      "chmod=0700",
      "",
      "[supervisord]",
      `logfile=${dir}/supervisord.log`,
      `pidfile=${dir}/supervisord.pid`,
      `childlogdir=${dir}`,
      "nodaemon=true",
      "",
      "[rpcinterface:supervisor]",
      "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
      "",
      "[supervisorctl]",
      `serverurl=unix://${dir}/supervisor.sock`,
      "",
      `[program:${SUPERVISED_PROGRAM}]`,
      `command=${command}`,
      "autostart=false",
      "autorestart=false",
      `startsecs=${startSecs}`,
      "startretries=0",
      "stopsignal=TERM",
      "stopwaitsecs=5",
      `stdout_logfile=${dir}/daemon.out`,
      "redirect_stderr=true",
      "",
    ].join("\n"),
  );

  const daemon = spawn("supervisord", ["-c", config], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  let errors = "";
  daemon.stderr.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const exited = new Promise((resolve) => daemon.once("exit", resolve));
  registerCleanup({
    name: "supervisord",
    // TERM makes supervisord stop its programs first (they run in their own process groups)
    stopNow: () => {
      if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill("SIGTERM");
    },
    stop: async () => {
      if (daemon.exitCode === null && daemon.signalCode === null) {
        daemon.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      }
      if (daemon.exitCode === null && daemon.signalCode === null) daemon.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
    isDone: () => daemon.exitCode !== null || daemon.signalCode !== null,
  });

  const ctl = (args: string[]) => runCaptured("supervisorctl", ["-c", config, ...args]);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const status = await ctl(["status", SUPERVISED_PROGRAM]);
    if (status.output.includes("STOPPED")) break;
    if (daemon.exitCode !== null || Date.now() > deadline) throw new Error(`supervisord did not come up: ${status.output}${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const version = (await runCaptured("supervisord", ["--version"])).output.trim();

  return {
    version,
    start: async () => {
      const result = await ctl(["start", SUPERVISED_PROGRAM]);
      if (result.code !== 0 || !result.output.includes("started")) throw new Error(`supervisorctl start: ${result.output.trim()}`);
    },
    stop: async () => {
      const result = await ctl(["stop", SUPERVISED_PROGRAM]);
      if (result.code !== 0) throw new Error(`supervisorctl stop: ${result.output.trim()}`);
    },
  };
}

function runCaptured(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
