// GSE operate_proc against a real agent running the real pid-file daemon on 127.0.0.13.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { daemonSpec, esb, isAlive, readPid, startAgent, waitFor, waitForGseTask, type TAgent } from "../support/agent-harness";

const HOST = { ip: "127.0.0.13", bk_cloud_id: 0 };
const META = { namespace: "ops-test", name: `lifecycle-${Date.now()}` };
const KEY = `0:${HOST.ip}:${META.namespace}:${META.name}`;
const daemon = daemonSpec();
let agent: TAgent;

async function operate(opType: number) {
  const reply = await esb("gse/operate_proc/", { meta: META, hosts: [HOST], op_type: opType, spec: daemon.spec });
  expect(reply.body).toMatchObject({ result: true, code: 0 });
  const taskId = (reply.body.data as { task_id: string }).task_id;
  expect(taskId).toMatch(/^GSETASK:\d{14}:\d+$/);
  return (await waitForGseTask(taskId))[KEY];
}

beforeAll(async () => {
  agent = await startAgent(HOST.ip);
});

afterAll(async () => {
  await agent?.stop();
  const pid = readPid(daemon.pidPath);
  if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
});

describe("a process's life through GSE operate_proc", () => {
  let firstPid: number | null = null;

  it("start runs start_cmd and reports success once the pid file names a live process", async () => {
    const row = await operate(0);
    expect(row.error_code).toBe(0);
    firstPid = readPid(daemon.pidPath);
    expect(isAlive(firstPid)).toBe(true);
    expect(row.error_msg).toContain(String(firstPid));
  });

  it("start again is 828: already running, nothing started twice", async () => {
    const row = await operate(0);
    expect(row.error_code).toBe(828);
    expect(readPid(daemon.pidPath)).toBe(firstPid);
    expect(daemon.readLog().match(/started/g)).toHaveLength(1);
  });

  it("status reports the pid and the managed flag as JSON content", async () => {
    const row = await operate(2);
    expect(row.error_code).toBe(0);
    const content = JSON.parse(row.content);
    expect(content.process[0].instance[0].pid).toBe(firstPid);
    expect(content.isAuto).toBe(true);
  });

  it("reload runs reload_cmd against the running process", async () => {
    const row = await operate(8);
    expect(row.error_code).toBe(0);
    await waitFor(() => daemon.readLog().includes("reloaded"), 5_000, () => `daemon log: ${daemon.readLog()}`);
  });

  it("restart gives a new pid", async () => {
    const row = await operate(7);
    expect(row.error_code).toBe(0);
    const pid = readPid(daemon.pidPath);
    expect(isAlive(pid)).toBe(true);
    expect(pid).not.toBe(firstPid);
    expect(isAlive(firstPid)).toBe(false);
  });

  it("stop ends the process, and stop again is 829", async () => {
    const pid = readPid(daemon.pidPath);
    expect((await operate(1)).error_code).toBe(0);
    expect(isAlive(pid)).toBe(false);
    expect((await operate(1)).error_code).toBe(829);
  });

  it("status of a stopped process says pid -1", async () => {
    const row = await operate(2);
    expect(JSON.parse(row.content).pid).toBe(-1);
  });

  it("kill runs kill_cmd on a running process", async () => {
    expect((await operate(0)).error_code).toBe(0);
    const pid = readPid(daemon.pidPath);
    expect((await operate(9)).error_code).toBe(0);
    expect(isAlive(pid)).toBe(false);
  });

  it("a command that fails is 65535 with its output in the message", async () => {
    const broken = { ...daemon.spec, control: { ...daemon.spec.control, start_cmd: "echo 'port 8080 already in use' >&2; exit 3" } };
    const reply = await esb("gse/operate_proc/", { meta: { ...META, name: `${META.name}-broken` }, hosts: [HOST], op_type: 0, spec: broken });
    const rows = await waitForGseTask((reply.body.data as { task_id: string }).task_id);
    const row = rows[`0:${HOST.ip}:${META.namespace}:${META.name}-broken`];
    expect(row.error_code).toBe(65535);
    expect(row.error_msg).toContain("exited with 3");
    expect(row.error_msg).toContain("port 8080 already in use");
  });

  it("a start whose process does not stay up is 836 (post-check failed)", async () => {
    const vanishing = { ...daemon.spec, control: { ...daemon.spec.control, start_cmd: "true" }, identity: { ...daemon.spec.identity, pid_path: `${daemon.dir}/never.pid` } };
    const reply = await esb("gse/operate_proc/", { meta: { ...META, name: `${META.name}-vanishing` }, hosts: [HOST], op_type: 0, spec: vanishing });
    const rows = await waitForGseTask((reply.body.data as { task_id: string }).task_id);
    expect(rows[`0:${HOST.ip}:${META.namespace}:${META.name}-vanishing`].error_code).toBe(836);
  });

  it("a user the agent cannot switch to is refused with a clear message", async () => {
    const foreign = { ...daemon.spec, identity: { ...daemon.spec.identity, user: "no-such-user-procdeck" } };
    const reply = await esb("gse/operate_proc/", { meta: { ...META, name: `${META.name}-foreign` }, hosts: [HOST], op_type: 0, spec: foreign });
    const rows = await waitForGseTask((reply.body.data as { task_id: string }).task_id);
    const row = rows[`0:${HOST.ip}:${META.namespace}:${META.name}-foreign`];
    expect(row.error_code).toBe(65535);
    expect(row.error_msg).toContain("no-such-user-procdeck");
  });
});
