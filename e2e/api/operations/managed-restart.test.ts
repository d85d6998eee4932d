// A managed process that dies is brought back by its agent, and the restart is recorded.
import { afterAll, beforeAll, expect, it } from "vitest";
import { sql } from "../support/cmdb-client";
import { daemonSpec, esb, isAlive, readPid, startAgent, waitFor, waitForGseTask, type TAgent } from "../support/agent-harness";

const HOST = { ip: "127.0.0.14", bk_cloud_id: 0 };
const META = { namespace: "ops-test", name: `managed-${Date.now()}` };
const daemon = daemonSpec();
let agent: TAgent;

beforeAll(async () => {
  agent = await startAgent(HOST.ip);
});

afterAll(async () => {
  await esb("gse/operate_proc/", { meta: META, hosts: [HOST], op_type: 1, spec: daemon.spec });
  await agent?.stop();
  const pid = readPid(daemon.pidPath);
  if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
});

it("a managed process killed from outside comes back with a new pid, and the restart is audited", async () => {
  const reply = await esb("gse/operate_proc/", { meta: META, hosts: [HOST], op_type: 0, spec: daemon.spec });
  await waitForGseTask((reply.body.data as { task_id: string }).task_id);
  const firstPid = readPid(daemon.pidPath)!;
  expect(isAlive(firstPid)).toBe(true);

  process.kill(firstPid, "SIGKILL");
  await waitFor(() => {
    const pid = readPid(daemon.pidPath);
    return pid !== null && pid !== firstPid && isAlive(pid);
  }, 15_000, () => `not restarted; agent output:\n${agent.output()}`);

  await waitFor(async () => (await sql(`SELECT 1 FROM audit_entry WHERE object_type = 'managed_process' AND action = 'restarted' AND object_name = $1`, [META.name])).length > 0, 10_000, () => "no audit entry for the restart");
  const [managed] = await sql<{ restart_count: number; is_running: boolean }>(`SELECT restart_count, is_running FROM managed_process WHERE name = $1`, [META.name]);
  expect(managed.restart_count).toBeGreaterThanOrEqual(1);
});

it("the agent keeps its managed list across its own restart", async () => {
  await agent.stop();
  agent = await startAgent(HOST.ip, agent.stateDir);
  const pid = readPid(daemon.pidPath)!;
  process.kill(pid, "SIGKILL");
  await waitFor(() => {
    const next = readPid(daemon.pidPath);
    return next !== null && next !== pid && isAlive(next);
  }, 15_000, () => `not restarted after agent restart; agent output:\n${agent.output()}`);
});

it("a stopped process is no longer managed: killing it again leaves it down", async () => {
  const reply = await esb("gse/operate_proc/", { meta: META, hosts: [HOST], op_type: 1, spec: daemon.spec });
  const rows = await waitForGseTask((reply.body.data as { task_id: string }).task_id);
  expect(Object.values(rows)[0].error_code).toBe(0);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(isAlive(readPid(daemon.pidPath))).toBe(false);
});
