// The watcher with real processes and pid files: a process the agent does not bring back (one-shot)
// is seen dead and alive again, each change reported once.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ManagedWatcher } from "./managed-watcher";
import { AgentStateStore } from "./managed-registry";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function startSleeper(): Promise<number> {
  const child = spawn("sleep", ["30"], { stdio: "ignore" });
  return new Promise((resolve) => child.once("spawn", () => resolve(child.pid!)));
}

describe("ManagedWatcher liveness", () => {
  it("records a one-shot process's death and its return, calling onChange once per change", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "watcher-test-"));
    dirs.push(dir);
    const pidPath = path.join(dir, "p.pid");
    const store = new AgentStateStore(dir);
    const spec = { procName: "sleep", setupPath: dir, pidPath, user: "", startCmd: "", stopCmd: "", restartCmd: "", reloadCmd: "", killCmd: "", autoType: 2, startCheckSecs: 1, startRetries: 1, startInterval: 1, opTimeout: 5 };
    const first = await startSleeper();
    writeFileSync(pidPath, String(first));
    store.upsert("ns", "p", spec, { isManaged: true, isRunning: true, pid: first });
    let changes = 0;
    const watcher = new ManagedWatcher(store, () => false, () => {}, () => (changes += 1));

    await watcher.check();
    expect(changes).toBe(0);

    process.kill(first, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 100));
    await watcher.check();
    expect(store.find("ns", "p")).toMatchObject({ isRunning: false, pid: null });
    expect(changes).toBe(1);
    await watcher.check();
    expect(changes).toBe(1);

    const second = await startSleeper();
    writeFileSync(pidPath, String(second));
    await watcher.check();
    expect(store.find("ns", "p")).toMatchObject({ isRunning: true, pid: second });
    expect(changes).toBe(2);
    process.kill(second, "SIGKILL");
  });
});
