// Operations from the console with real agents: operate on two hosts and watch both succeed; a row
// that fails (a host without an agent ends 117) and "Retry failed" with only that row; the history
// and the hosts page. Agents run as child processes (e2e/api/support/agent-harness.ts) and run the
// real pid-file daemon; the three "hosts" are loopback addresses of this machine, so they share it.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { isAlive, startAgent } from "../api/support/agent-harness";
import { DEMO_BIZ, signIn, uniqueName } from "./support/console";
import { DaemonProcesses } from "./support/daemon-processes";

test.describe.configure({ mode: "serial" });

const fleet = new DaemonProcesses();
const agents = fleet.agents;

test.beforeAll(async () => {
  for (const agent of await Promise.all(["127.0.0.11", "127.0.0.12"].map((ip) => startAgent(ip)))) agents.set(agent.ip, agent);
});

test.afterAll(async ({ browser }) => {
  await fleet.cleanUp(browser);
});

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** A catalogue process that runs the test daemon, bound to "gateway" (hosts .11, .12 in set-a, .21 in set-b). */
function createDaemonProcess(page: Page, prefix: string) {
  return fleet.create(page, { name: uniqueName(prefix), module: "gateway" });
}

function taskRow(page: Page, ip: string) {
  return page.locator(`table tbody tr[data-ip="${ip}"]`);
}

test("operates from the console on two hosts and watches both reach success", async ({ page }) => {
  const { id, name, daemon } = await createDaemonProcess(page, "ops-ui");
  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}`);
  await page.getByRole("button", { name: "Operate", exact: true }).click();

  const dialog = page.getByRole("dialog", { name: `Operate ${name}` });
  await dialog.getByRole("radio", { name: "Start", exact: true }).check();
  await expect(dialog.getByRole("radio", { name: "Reload", exact: true })).toBeEnabled();
  // the hosts of "gateway": filter to set-a, then select all shown
  await expect(dialog.locator("tbody tr")).toHaveCount(3);
  await dialog.getByLabel("Set").selectOption("set-a");
  await expect(dialog.locator("tbody tr")).toHaveCount(2);
  await dialog.getByRole("checkbox", { name: "Select all 2 hosts shown" }).check();
  await expect(dialog.getByText("2 of 3 selected")).toBeVisible();
  await expect(dialog.locator('tbody tr[data-ip="127.0.0.11"] [data-agent-state]')).toHaveAttribute("data-agent-state", "online");
  await dialog.getByRole("button", { name: "Start on 2 hosts" }).click();

  // more than one host: a confirmation naming the host count
  const confirm = page.getByRole("dialog", { name: "Confirm: Start" });
  await expect(confirm).toContainText(`Start “${name}” on 2 hosts?`);
  await confirm.getByRole("button", { name: "Confirm: Start on 2 hosts" }).click();

  await expect(page).toHaveURL(/\/biz\/2\/tasks\/GSETASK%3A\d{14}%3A\d+$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("GSETASK:");
  for (const ip of ["127.0.0.11", "127.0.0.12"]) {
    await expect(taskRow(page, ip)).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
  }
  await expect(page.locator("table tbody tr[data-ip]")).toHaveCount(2);
  const progress = page.getByRole("progressbar", { name: "Progress" });
  await expect(progress).toHaveAttribute("aria-valuemax", "2");
  await expect(progress).toHaveAttribute("aria-valuenow", "2");
  await expect(page.getByText("2 of 2 done · 2 succeeded · 0 failed")).toBeVisible();
  await expect(page.getByText("Updating every 1.5 s")).toBeHidden();
  await expect(page.locator("[data-task-state]")).toHaveAttribute("data-task-state", "succeeded");
  const pid = Number(readFileSync(daemon.pidPath, "utf8").trim());
  expect(isAlive(pid)).toBe(true);
  // the two "hosts" share this machine and so the pid file: whichever agent starts second may find the
  // daemon running and answer 828 (a success that registers nothing); the one that answered 0 manages it
  const startedBy: string[] = [];
  for (const ip of ["127.0.0.11", "127.0.0.12"]) {
    if ((await taskRow(page, ip).locator("[data-column=code]").innerText()).trim() === "0") startedBy.push(ip);
  }
  expect(startedBy.length).toBeGreaterThanOrEqual(1);

  // the task is a shareable link: it opens on its own
  const url = page.url();
  await page.goto("about:blank");
  await page.goto(url);
  await expect(page.getByText("2 of 2 done · 2 succeeded · 0 failed")).toBeVisible();

  // the process page shows the instances as the agents report them
  await page.getByRole("link", { name }).click();
  const instances = page.getByRole("region", { name: "Process instances" });
  for (const ip of ["127.0.0.11", "127.0.0.12"]) {
    await expect(instances.locator(`tr[data-ip="${ip}"] [data-column=process-state]`)).toHaveText("Running", { timeout: 15_000 });
    await expect(instances.locator(`tr[data-ip="${ip}"]`)).toContainText(String(pid));
  }
  for (const ip of startedBy) await expect(instances.locator(`tr[data-ip="${ip}"]`)).toContainText(/(?<!Not )Managed/);
});

test("a host without an agent fails its row; Retry failed reruns only that row", async ({ page }) => {
  test.setTimeout(150_000);
  // .21 had an agent in the API tests: wait until the hosts page (polling) no longer counts it online
  await page.goto(`/biz/${DEMO_BIZ}/hosts`);
  const agentState = (ip: string) => page.locator(`tbody tr[data-ip="${ip}"] [data-agent-state]`);
  await expect(agentState("127.0.0.11")).toHaveAttribute("data-agent-state", "online");
  await expect(agentState("127.0.0.12")).toHaveAttribute("data-agent-state", "online");
  await expect(agentState("127.0.0.21")).not.toHaveAttribute("data-agent-state", "online", { timeout: 70_000 });

  const { id, name } = await createDaemonProcess(page, "ops-ui-retry");
  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}`);
  await page.getByRole("button", { name: "Operate", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Operate ${name}` });
  await dialog.getByRole("radio", { name: "Start", exact: true }).check();
  await dialog.getByRole("checkbox", { name: "Select all 3 hosts shown" }).check();
  await expect(dialog.getByRole("alert")).toContainText("No online agent on 1 host of those chosen");
  await dialog.getByRole("button", { name: "Start on 3 hosts" }).click();
  await page.getByRole("dialog", { name: "Confirm: Start" }).getByRole("button", { name: "Confirm: Start on 3 hosts" }).click();

  await expect(page).toHaveURL(/\/tasks\/GSETASK/);
  const firstTaskUrl = page.url();
  const firstTaskId = decodeURIComponent(firstTaskUrl.split("/tasks/")[1]);
  await expect(taskRow(page, "127.0.0.21")).toHaveAttribute("data-state", "failed", { timeout: 30_000 });
  await expect(taskRow(page, "127.0.0.21").locator("[data-column=code]")).toHaveText("117");
  await expect(taskRow(page, "127.0.0.21")).toContainText("Agent offline or host unknown — nothing ran");
  for (const ip of ["127.0.0.11", "127.0.0.12"]) {
    await expect(taskRow(page, ip)).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
  }
  await expect(page.getByText("3 of 3 done · 2 succeeded · 1 failed")).toBeVisible();
  await expect(page.locator("[data-task-state]")).toHaveAttribute("data-task-state", "failed");

  // an agent comes up on .21; Retry failed starts a task with only that row
  agents.set("127.0.0.21", await startAgent("127.0.0.21"));
  await page.getByRole("button", { name: "Retry failed (1)" }).click();
  await expect(page).not.toHaveURL(firstTaskUrl);
  await expect(page).toHaveURL(/\/tasks\/GSETASK/);
  const retryTaskId = decodeURIComponent(page.url().split("/tasks/")[1]);
  await expect(page.locator("table tbody tr[data-ip]")).toHaveCount(1);
  await expect(taskRow(page, "127.0.0.21")).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
  // the daemon already runs on this machine (the other "hosts" started it): 828, nothing to do, a success
  await expect(taskRow(page, "127.0.0.21")).toContainText(/Done|Already running — nothing to do/);
  await expect(page.getByText("1 of 1 done · 1 succeeded · 0 failed")).toBeVisible();
  await expect(page.getByRole("link", { name: firstTaskId })).toHaveAttribute("href", `/biz/${DEMO_BIZ}/tasks/${encodeURIComponent(firstTaskId)}`);

  // the history lists both, newest first, and filters by host, state and user
  await page.goto(`/biz/${DEMO_BIZ}/tasks?process=${id}`);
  const history = page.getByRole("table");
  await expect(history.locator("tbody tr")).toHaveCount(2);
  await expect(history.locator("tbody tr").first()).toHaveAttribute("data-task-id", retryTaskId);
  await expect(history.locator(`tr[data-task-id="${firstTaskId}"]`)).toContainText("Failed");
  await expect(history.locator(`tr[data-task-id="${retryTaskId}"]`)).toContainText("Succeeded");
  await page.getByLabel("State").selectOption("failed");
  await expect(page).toHaveURL(/state=failed/);
  await expect(history.locator("tbody tr")).toHaveCount(1);
  await expect(history.locator("tbody tr").first()).toHaveAttribute("data-task-id", firstTaskId);
  await page.goto(`/biz/${DEMO_BIZ}/tasks?process=${id}&ip=127.0.0.12&user=admin`);
  await expect(page.getByLabel("Host IP")).toHaveValue("127.0.0.12");
  await expect(history.locator("tbody tr")).toHaveCount(1);
  await history.getByRole("link", { name: firstTaskId }).click();
  await expect(page).toHaveURL(firstTaskUrl);

  // the hosts page shows the three agents online
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Hosts" }).click();
  for (const ip of ["127.0.0.11", "127.0.0.12", "127.0.0.21"]) {
    await expect(agentState(ip)).toHaveAttribute("data-agent-state", "online", { timeout: 15_000 });
  }
  await expect(page.locator('tbody tr[data-ip="127.0.0.21"]')).toContainText("0.1.0");
  // every host's GSE 2.0 agent id, the same after a reload
  const agentIdCell = page.locator('tbody tr[data-ip="127.0.0.21"] [data-testid="agent-id"]');
  await expect(agentIdCell).toHaveText(/^[0-9a-f]{32}$/);
  const agentId = await agentIdCell.textContent();
  await page.reload();
  await expect(agentIdCell).toHaveText(agentId!);
});

test("issues an enrolment token once, with the agent command line", async ({ page }) => {
  await page.goto(`/biz/${DEMO_BIZ}/hosts`);
  await page.getByRole("button", { name: "Issue enrolment token" }).click();
  const dialog = page.getByRole("dialog", { name: "Issue enrolment token" });
  await dialog.getByLabel("Only for the host with this IP (optional)").fill("10.0.0");
  await dialog.getByRole("button", { name: "Issue token" }).click();
  await expect(dialog.getByLabel("Only for the host with this IP (optional)")).toHaveAccessibleDescription(/Enter an IPv4 address/);
  await dialog.getByLabel("Only for the host with this IP (optional)").fill("10.0.0.5");
  await dialog.getByRole("button", { name: "Issue token" }).click();
  const token = await dialog.getByLabel("Enrolment token").inputValue();
  expect(token).toMatch(/^\d+\.\S{20,}$/);
  await expect(dialog.getByLabel("Run on the host as root (one line)")).toHaveValue(new RegExp(`^curl -fsSL http\\S+/agent/install\\.sh \\| sh -s -- --token ${token.replace(".", "\\.")} --ip 10\\.0\\.0\\.5$`));
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
});

test("issues tokens for many IPs at once, each with its own install line", async ({ page }) => {
  await page.goto(`/biz/${DEMO_BIZ}/hosts`);
  await page.getByRole("button", { name: "Tokens for many hosts" }).click();
  const dialog = page.getByRole("dialog", { name: "Tokens for many hosts" });
  await dialog.getByLabel("IPv4 addresses").fill("10.0.9.1\n10.0.9.2, 10.0.9.3 10.0.9");
  await dialog.getByRole("button", { name: "Issue 4 tokens" }).click();
  await expect(dialog.getByLabel("IPv4 addresses")).toHaveAccessibleDescription(/Not IPv4 addresses: 10\.0\.9$/);
  await dialog.getByLabel("IPv4 addresses").fill("10.0.9.1\n10.0.9.2, 10.0.9.3");
  await dialog.getByRole("button", { name: "Issue 3 tokens" }).click();
  for (const ip of ["10.0.9.1", "10.0.9.2", "10.0.9.3"]) {
    await expect(dialog.getByLabel(ip, { exact: true })).toHaveValue(new RegExp(`^curl -fsSL http\\S+/agent/install\\.sh \\| sh -s -- --token \\d+\\.\\S+ --ip ${ip.replaceAll(".", "\\.")}$`));
  }
  await expect(dialog.getByLabel("All install lines (one per host)")).toHaveValue(/(curl .*\n){2}curl .*/);
});
