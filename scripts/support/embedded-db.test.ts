import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { removeStalePidFile } from "./embedded-db";

function pidFileWith(pid: number): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "procdeck-pidfile-"));
  writeFileSync(path.join(dir, "postmaster.pid"), `${pid}\n${dir}\n1700000000\n54329\n`);
  return dir;
}

describe("removeStalePidFile", () => {
  it("removes a lock file whose process is gone", async () => {
    const child = spawn("true");
    await new Promise((resolve) => child.on("exit", resolve));
    const dir = pidFileWith(child.pid!);
    removeStalePidFile(dir);
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });

  it("removes a lock file whose pid now belongs to another program (pids are reused)", () => {
    const dir = pidFileWith(process.pid);
    removeStalePidFile(dir);
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });

  it("keeps the lock of a live postgres on this very folder", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "procdeck-pidfile-"));
    // a stand-in named postgres whose command line names the folder, as the real postmaster's does
    const fake = path.join(dir, "postgres");
    writeFileSync(fake, "#!/bin/sh\nsleep 5\n", { mode: 0o755 });
    const child = spawn(fake, ["-D", dir]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      writeFileSync(path.join(dir, "postmaster.pid"), `${child.pid}\n${dir}\n`);
      removeStalePidFile(dir);
      expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(true);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
