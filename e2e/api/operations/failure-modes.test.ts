// Nothing stays at 115: hosts without an agent, unknown hosts and agents that die mid-task all end.
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { sql } from "../support/cmdb-client";
import { daemonSpec, esb, startAgent, waitFor, waitForGseTask, type TAgent } from "../support/agent-harness";

const META = { namespace: "ops-test", name: `failures-${Date.now()}` };
let agent: TAgent | undefined;

afterAll(async () => {
  await agent?.stop("SIGKILL");
});

it("a host the topology does not know ends 117 at once", async () => {
  const { spec } = daemonSpec();
  const reply = await esb("gse/operate_proc/", { meta: META, hosts: [{ ip: "127.0.0.250", bk_cloud_id: 0 }], op_type: 2, spec });
  const taskId = (reply.body.data as { task_id: string }).task_id;
  const first = await esb("gse/get_proc_operate_result/", { task_id: taskId });
  const row = (first.body.data as Record<string, { error_code: number; error_msg: string }>)[`0:127.0.0.250:${META.namespace}:${META.name}`];
  expect(row.error_code).toBe(117);
  expect(row.error_msg).toContain("not known");
});

it("a known host no agent ever enrolled on ends 117 at once", async () => {
  const { spec } = daemonSpec();
  const reply = await esb("gse/operate_proc/", { meta: META, hosts: [{ ip: "127.0.0.30", bk_cloud_id: 0 }], op_type: 0, spec });
  const taskId = (reply.body.data as { task_id: string }).task_id;
  // the very first read: no grace for a host that never had an agent
  const first = await esb("gse/get_proc_operate_result/", { task_id: taskId });
  const row = (first.body.data as Record<string, { error_code: number; error_msg: string }>)[`0:127.0.0.30:${META.namespace}:${META.name}`];
  expect(row.error_code).toBe(117);
  expect(row.error_msg).toContain("no agent has enrolled");
  const [task] = await sql<{ finished_at: Date | null }>(`SELECT finished_at FROM task WHERE id = $1`, [taskId]);
  expect(task.finished_at).not.toBeNull();
});

it("a host whose enrolled agent is offline keeps the grace, then ends 117", async () => {
  const gone = await startAgent("127.0.0.44");
  await gone.stop("SIGKILL");
  // queued at once: before the gateway has taken the socket's close in, the task may still be pushed to
  // the dead socket; never confirmed, it goes back to the queue with the close and ends 117 all the same
  const { spec } = daemonSpec();
  const reply = await esb("gse/operate_proc/", { meta: META, hosts: [{ ip: "127.0.0.44", bk_cloud_id: 0 }], op_type: 0, spec });
  const taskId = (reply.body.data as { task_id: string }).task_id;
  const first = await esb("gse/get_proc_operate_result/", { task_id: taskId });
  // it may be restarting: the row waits (the grace is 2 s under npm test)
  expect((first.body.data as Record<string, { error_code: number }>)[`0:127.0.0.44:${META.namespace}:${META.name}`].error_code).toBe(115);
  // on a timeout, what the server knew of the agent's presence, and what the agent printed
  const rows = await waitForGseTask(taskId, 20_000).catch(async (error: Error) => {
    const presence = await sql(`SELECT agent_last_seen_at, agent_disconnected_at, agent_poll_id, agent_revoked_at FROM host WHERE bk_host_innerip = '127.0.0.44'`);
    throw new Error(`${error.message}\nhost: ${JSON.stringify(presence)}\nagent:\n${gone.output()}`);
  });
  const row = rows[`0:127.0.0.44:${META.namespace}:${META.name}`];
  expect(row.error_code).toBe(117);
  expect(row.error_msg).toMatch(/offline/);
});

it("an agent killed mid-task leaves its row failed, not stuck at 115", async () => {
  agent = await startAgent("127.0.0.22");
  const daemon = daemonSpec({ opTimeout: 2 });
  const hanging = { ...daemon.spec, control: { ...daemon.spec.control, start_cmd: "touch started; sleep 30" } };
  const reply = await esb("gse/operate_proc/", { meta: { ...META, name: `${META.name}-hang` }, hosts: [{ ip: "127.0.0.22", bk_cloud_id: 0 }], op_type: 0, spec: hanging });
  const taskId = (reply.body.data as { task_id: string }).task_id;

  // wait until the agent runs the command (merely claimed, unconfirmed work would go back to the queue
  // with the socket's close and end 117), then kill it without a chance to report
  const started = path.join(hanging.identity.setup_path, "started");
  const runner = agent;
  await waitFor(() => existsSync(started), 10_000, () => `the agent never ran the command:\n${runner.output()}`);
  await agent.stop("SIGKILL");
  agent = undefined;

  const rows = await waitForGseTask(taskId, 30_000);
  const row = rows[`0:127.0.0.22:${META.namespace}:${META.name}-hang`];
  expect(row.error_code).toBe(65535);
  expect(row.error_msg).toContain("op_timeout");
  const [task] = await sql<{ finished_at: Date | null }>(`SELECT finished_at FROM task WHERE id = $1`, [taskId]);
  expect(task.finished_at).not.toBeNull();
});
