// Live state with a real agent on loopback: the process list's state column follows a process that
// is killed (kill -9) and started again, and its filter finds it; the process page shows the
// instance's pid and figures and stops saying "Running" within 5 s of the kill; a crash restart by
// the agent is visible to a business viewer in the process history and task history; and the host
// reads offline within 5 s of its agent being killed.
import { rmSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { daemonSpec, isAlive, readPid, startAgent, waitFor, type TAgent } from "../api/support/agent-harness";
import { createProcessViaApi, csrfHeader, DEMO_BIZ, deleteProcessViaApi, openProcessList, setBindingViaApi, signIn, signInAs, uniqueName } from "./support/console";
import { createUser, removeTestData, sql } from "./support/users";

test.describe.configure({ mode: "serial" });

const IP = "127.0.0.45";
const MODULE = uniqueName("live");
let agent: TAgent | undefined;
let stateDir = "";
let hostId = 0;
const daemons: ReturnType<typeof daemonSpec>[] = [];
const processIds: number[] = [];
const userIds: number[] = [];

test.beforeAll(async () => {
  agent = await startAgent(IP);
  stateDir = agent.stateDir;
  const [host] = await sql<{ bk_host_id: number }>(`SELECT bk_host_id FROM host WHERE bk_cloud_id = 0 AND bk_host_innerip = $1`, [IP]);
  hostId = host.bk_host_id;
  // a module of its own in the demo business, holding only this host
  const [set] = await sql<{ bk_set_id: number }>(`SELECT bk_set_id FROM "set" WHERE bk_biz_id = $1 AND bk_set_name = 'set-a'`, [DEMO_BIZ]);
  const [module] = await sql<{ bk_module_id: number }>(`INSERT INTO module (bk_biz_id, bk_set_id, bk_module_name) VALUES ($1, $2, $3) RETURNING bk_module_id`, [DEMO_BIZ, set.bk_set_id, MODULE]);
  await sql(`INSERT INTO host_module (bk_host_id, bk_module_id) VALUES ($1, $2)`, [hostId, module.bk_module_id]);
});

test.afterAll(async ({ browser }) => {
  await agent?.stop("SIGKILL");
  for (const daemon of daemons) {
    const pid = readPid(daemon.pidPath);
    if (pid && isAlive(pid)) process.kill(pid, "SIGKILL");
  }
  const page = await browser.newPage();
  await signIn(page);
  for (const id of processIds) {
    await setBindingViaApi(page, id, MODULE, false);
    await deleteProcessViaApi(page, id);
  }
  await page.close();
  await sql(`DELETE FROM host_module WHERE bk_host_id = $1`, [hostId]);
  await sql(`DELETE FROM module WHERE bk_module_name = $1`, [MODULE]);
  await removeTestData(userIds, []);
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
  for (const daemon of daemons) rmSync(daemon.dir, { recursive: true, force: true });
});

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** A catalogue process running the test daemon on this host; `isResident`: the agent restarts it when it dies. */
async function createDaemonProcess(page: Page, prefix: string, isResident: boolean) {
  const daemon = daemonSpec();
  daemons.push(daemon);
  const name = uniqueName(prefix);
  const { control } = daemon.spec;
  const id = await createProcessViaApi(page, {
    bk_process_name: name,
    bk_func_name: "pidfile-daemon",
    work_path: daemon.dir,
    pid_file: daemon.pidPath,
    start_cmd: control.start_cmd,
    stop_cmd: control.stop_cmd,
    face_stop_cmd: control.kill_cmd,
    auto_start: isResident,
    auto_time_gap: 1,
  });
  processIds.push(id);
  await setBindingViaApi(page, id, MODULE, true);
  return { id, name, daemon };
}

async function startViaApi(page: Page, processId: number) {
  const response = await page.request.post(`/api/console/businesses/${DEMO_BIZ}/processes/${processId}/operations`, { data: { opType: 0, hostIds: [hostId] }, headers: await csrfHeader(page) });
  expect(response.status()).toBe(201);
}

function stateCell(page: Page, name: string) {
  return page.locator("table tbody tr", { hasText: name }).locator('[data-column="live-state"]');
}

test("the state column follows a process killed with kill -9 and started again, and the state filter finds it", async ({ page }) => {
  const { id, name, daemon } = await createDaemonProcess(page, "live-oneshot", false);
  await openProcessList(page, `q=${name}`);
  await expect(stateCell(page, name)).toHaveText("Not reported");

  await startViaApi(page, id);
  await expect(stateCell(page, name)).toHaveText("Running 1/1", { timeout: 15_000 });
  const pid = readPid(daemon.pidPath)!;

  process.kill(pid, "SIGKILL");
  // no reload: the page refetches, and the agent tells the server within a second or two
  await expect(stateCell(page, name)).toHaveText("Stopped", { timeout: 5_000 });

  // the filter lives in the URL like the others
  await page.getByLabel("State").selectOption("stopped");
  await expect(page).toHaveURL(/state=stopped/);
  await expect(page.locator("table tbody tr", { hasText: name })).toHaveCount(1);
  await page.getByLabel("State").selectOption("running");
  await expect(page.locator("table tbody tr", { hasText: name })).toHaveCount(0);

  await startViaApi(page, id);
  // now "running" is the filter: it shows up there once it runs again
  await expect(stateCell(page, name)).toHaveText("Running 1/1", { timeout: 15_000 });
});

test("the process page shows the instance's pid and figures, and stops saying Running within 5 s of a kill", async ({ page }) => {
  const { id, daemon } = await createDaemonProcess(page, "live-page", false);
  await startViaApi(page, id);
  await waitFor(() => isAlive(readPid(daemon.pidPath)), 15_000, () => "the daemon did not start");
  const pid = readPid(daemon.pidPath)!;

  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}`);
  const instance = page.locator(`section:has(#instances-title) tbody tr[data-ip="${IP}"]`);
  await expect(instance.locator('[data-instance-state="running"]')).toBeVisible({ timeout: 10_000 });
  await expect(instance).toContainText(String(pid));
  // figures come with the heartbeat (sampled every 10 s, sent with the next poll, which may wait 25 s)
  await expect(instance.locator('[data-column="memory"]')).toHaveText(/\d+(\.\d)? (KB|MB)/, { timeout: 45_000 });
  await expect(instance.locator('[data-column="uptime"]')).toHaveText(/\d+ (s|min)/);

  process.kill(pid, "SIGKILL");
  await expect(instance.locator('[data-instance-state="stopped"]')).toBeVisible({ timeout: 5_000 });
});

test("a crash restart by the agent is visible to a business viewer in the process history and task history", async ({ page }) => {
  const { id, name, daemon } = await createDaemonProcess(page, "live-resident", true);
  await startViaApi(page, id);
  await waitFor(() => isAlive(readPid(daemon.pidPath)), 15_000, () => "the daemon did not start");
  const firstPid = readPid(daemon.pidPath)!;
  // the agent must know it runs before it can bring it back
  await waitFor(async () => (await sql(`SELECT 1 FROM managed_process WHERE bk_host_id = $1 AND name = $2 AND is_running AND is_managed`, [hostId, name])).length > 0, 15_000, () => "never reported running");
  process.kill(firstPid, "SIGKILL");
  await waitFor(() => {
    const next = readPid(daemon.pidPath);
    return next !== null && next !== firstPid && isAlive(next);
  }, 15_000, () => `not restarted:\n${agent?.output()}`);

  const viewer = await createUser("live-viewer", [{ bizId: DEMO_BIZ, role: "viewer" }]);
  userIds.push(viewer.id);
  await page.context().clearCookies();
  await signInAs(page, viewer.username, viewer.password);

  // the report with the restart event lands within a second or two; then the page is read once
  await waitFor(async () => (await sql(`SELECT 1 FROM audit_entry WHERE bk_biz_id = $1 AND action = 'restarted' AND object_name = $2`, [DEMO_BIZ, name])).length > 0, 10_000, () => "no restart in the business's audit trail");
  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}`);
  const restart = page.locator('[data-history-action="restarted"]');
  await expect(restart).toBeVisible({ timeout: 20_000 });
  await expect(restart).toContainText(`restarted it on ${IP} after it died`);
  await expect(restart).toContainText("Agent event");

  await page.goto(`/biz/${DEMO_BIZ}/tasks?process=${id}`);
  const event = page.locator('tr[data-agent-event="restarted"]');
  await expect(event).toBeVisible({ timeout: 10_000 });
  await expect(event).toContainText(name);
  await expect(event).toContainText(IP);
});

test("the host reads offline within 5 s of its agent being killed", async ({ page }) => {
  const { id, name } = await createDaemonProcess(page, "live-offline", false);
  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}`);
  const instance = page.locator(`section:has(#instances-title) tbody tr[data-ip="${IP}"]`);
  await expect(instance.locator('[data-agent-state="online"]')).toBeVisible({ timeout: 10_000 });

  await agent!.stop("SIGKILL");
  await expect(instance.locator('[data-agent-state="offline"]')).toBeVisible({ timeout: 5_000 });
  agent = undefined;

  // and the list says so for its processes
  await openProcessList(page, `q=${name}`);
  await expect(stateCell(page, name)).toHaveText("Agent offline");
});
