// The single executable's memory, measured on a real agent: resident set size while idle and while
// it manages 20 running processes. Printed as [figures] for the README; the assertions only say
// that the agent did the work (a memory figure is reported, not held to a number).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { daemonSpec, esb, isAlive, readPid, waitFor, waitForGseTask, AGENT_READY } from "../support/agent-harness";
import { BASE_URL, bareEnv, copySea, DIST_DIR, ENROLL_SECRET, runGroup, type TRunning } from "./install-support";

const IP = "127.0.0.65";
const PROCESSES = 20;
let agent: TRunning | undefined;
const pidPaths: string[] = [];

afterAll(async () => {
  await agent?.stop();
  for (const pidPath of pidPaths) {
    const pid = readPid(pidPath);
    if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
  }
});

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((entry) => entry.startsWith("VmRSS:"))!;
  return Number(line.replace(/\D+/g, "")) / 1024;
}

it(`the single executable's RSS idle and with ${PROCESSES} managed processes`, async () => {
  const { dir, bin } = copySea(DIST_DIR);
  agent = runGroup(bin, ["--server", BASE_URL, "--token", ENROLL_SECRET, "--ip", IP, "--state-dir", path.join(dir, "state")], { cwd: dir, env: bareEnv() });
  const running = agent;
  await waitFor(() => AGENT_READY.test(running.output()), 20_000, () => `the agent did not start:\n${running.output()}`);
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const idle = rssMb(running.child.pid!);

  const started = await Promise.all(
    Array.from({ length: PROCESSES }, async (_, index) => {
      const daemon = daemonSpec();
      pidPaths.push(daemon.pidPath);
      const reply = await esb("gse/operate_proc/", { meta: { namespace: "footprint", name: `daemon-${index}-${Date.now()}` }, hosts: [{ ip: IP, bk_cloud_id: 0 }], op_type: 0, spec: daemon.spec });
      const rows = await waitForGseTask((reply.body.data as { task_id: string }).task_id, 60_000);
      return Object.values(rows)[0].error_code === 0 && isAlive(readPid(daemon.pidPath));
    }),
  );
  expect(started.filter(Boolean).length).toBe(PROCESSES);
  await new Promise((resolve) => setTimeout(resolve, 5000));
  const busy = rssMb(running.child.pid!);
  console.log(`[figures] agent (single executable) RSS: idle ${idle.toFixed(1)} MB, with ${PROCESSES} managed processes ${busy.toFixed(1)} MB`);
  expect(idle).toBeGreaterThan(0);
}, 120_000);
