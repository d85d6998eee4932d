import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { CMDLINE_MAX_CHARS, NOT_RUNNING_STATS, readProcessStats } from "./process-stats";

const isLinux = process.platform === "linux";
const children: ChildProcess[] = [];

function start(command: string, args: string[]): ChildProcess & { pid: number } {
  const child = spawn(command, args, { stdio: "ignore" });
  children.push(child);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  return child as ChildProcess & { pid: number };
}

afterEach(() => {
  children.splice(0).forEach((child) => child.exitCode === null && child.kill("SIGKILL"));
});

describe.runIf(isLinux)("readProcessStats", () => {
  it("reads a sleeping child's identity, start time, memory and threads from /proc", async () => {
    const child = start("sleep", ["31"]);
    const stats = await readProcessStats(child.pid);

    expect(stats.pid).toBe(child.pid);
    expect(stats.processName).toBe("sleep");
    expect(stats.cmdline).toBe("sleep 31");
    expect(Math.abs(Date.parse(stats.startTime) - Date.now())).toBeLessThan(5_000);
    expect(stats.elapsedTime).toBeGreaterThanOrEqual(0);
    expect(stats.elapsedTime).toBeLessThan(5);
    expect(stats.usePhyMem).toBeGreaterThan(0);
    expect(stats.phyMemUsage).toBeGreaterThanOrEqual(0);
    expect(stats.phyMemUsage).toBeLessThan(100);
    expect(stats.threadCount).toBeGreaterThanOrEqual(1);
    expect(stats.stat).toMatch(/^[RSD]$/);
    expect(Number(stats.freeVMem)).toBeGreaterThan(0);
    expect(stats.utime).toMatch(/^\d+$/);
    expect(stats.stime).toMatch(/^\d+$/);
    expect(stats.diskSize).toBe(-1);
  });

  it("shows CPU use for a busy loop, over the window and on average", async () => {
    const child = start(process.execPath, ["-e", "for (;;) {}", "busy-loop-marker"]);
    // let it leave node's start-up and spin
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stats = await readProcessStats(child.pid);

    expect(stats.pid).toBe(child.pid);
    expect(stats.cmdline).toContain("busy-loop-marker");
    expect(stats.cpuUsage).toBeGreaterThan(0);
    expect(stats.cpuUsageAve).toBeGreaterThan(0);
    expect(Number(stats.utime) + Number(stats.stime)).toBeGreaterThan(0);
    // node runs several threads (libuv pool, V8 helpers)
    expect(stats.threadCount).toBeGreaterThan(1);
  });

  it("caps a huge command line and blanks its control characters, so the report stays within the server's limit", async () => {
    const child = start(process.execPath, ["-e", "setTimeout(() => {}, 30000)", "line\nbreak", "x".repeat(20_000)]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stats = await readProcessStats(child.pid, 50);

    expect(stats.cmdline).toContain("line break");
    expect(stats.cmdline).toHaveLength(CMDLINE_MAX_CHARS);
  });

  it("gives the not-running values, without throwing, for a pid that has exited or never existed", async () => {
    const child = start("sleep", ["0"]);
    await once(child, "exit");

    expect(await readProcessStats(child.pid)).toEqual(NOT_RUNNING_STATS);
    expect(await readProcessStats(99_999_999)).toEqual(NOT_RUNNING_STATS);
    expect(await readProcessStats(null)).toEqual(NOT_RUNNING_STATS);
    expect(await readProcessStats(-1)).toEqual(NOT_RUNNING_STATS);
  });

  it("gives the not-running values when the process exits during the sample window", async () => {
    const child = start("sleep", ["0.05"]);
    // the child is not reaped until its exit event, so it may linger as a zombie: that counts as exited too
    expect(await readProcessStats(child.pid, 400)).toEqual(NOT_RUNNING_STATS);
  });
});
