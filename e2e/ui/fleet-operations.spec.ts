// Operating a fleet from the console, with real agents: three processes selected in the list and
// restarted on their hosts as one task (one confirmation naming both counts; the task page groups by
// process, the history names them); the task page's state filter with counts, IP search and copying
// the failed IPs (read back from the clipboard); a retry that happens once; and a stop or kill that
// asks again before it is retried (cancelling starts nothing). The processes are bound to "db"
// (127.0.0.13 in set-a, 127.0.0.22 in set-b); only .13 has an agent at first, so .22's rows fail (117)
// until one comes; from the retry test on only .22 has one.
import { expect, test, type Page } from "@playwright/test";
import { startAgent } from "../api/support/agent-harness";
import { csrfHeader, DEMO_BIZ, openProcessList, signIn, uniqueName } from "./support/console";
import { DaemonProcesses } from "./support/daemon-processes";

test.describe.configure({ mode: "serial" });

const fleet = new DaemonProcesses();
const agents = fleet.agents;
const processIds: number[] = [];
const prefix = uniqueName("fleet");
let taskUrl = "";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test.beforeAll(async ({ browser }) => {
  agents.set("127.0.0.13", await startAgent("127.0.0.13"));
  const page = await browser.newPage();
  await signIn(page);
  for (const n of [1, 2, 3]) {
    const { id } = await fleet.create(page, { name: `${prefix}-${n}`, module: "db", attributes: { bk_func_name: `fleet-daemon-${n}` } });
    processIds.push(id);
  }
  await page.close();
});

test.afterAll(async ({ browser }) => {
  await fleet.cleanUp(browser);
});

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

const taskRows = (page: Page) => page.locator("table tbody tr[data-ip]");

test("restarts three processes selected in the list on all their hosts as one task", async ({ page }) => {
  test.setTimeout(90_000);
  await openProcessList(page, `q=${prefix}`);
  await expect(page.locator("table tbody tr")).toHaveCount(3);
  await page.getByRole("checkbox", { name: "Select all processes on this page" }).check();
  await expect(page.getByText("3 selected")).toBeVisible();
  await page.getByRole("button", { name: "Operate", exact: true }).click();

  const dialog = page.getByRole("dialog", { name: "Operate 3 processes" });
  await dialog.getByRole("radio", { name: "Restart", exact: true }).check();
  await expect(dialog.getByTestId("bulk-summary")).toHaveText("3 processes on 2 hosts · 6 rows in one task");
  await dialog.getByRole("button", { name: "Restart 3 processes on 2 hosts" }).click();

  // one confirmation, naming how many processes and hosts
  const confirm = page.getByRole("dialog", { name: "Confirm: Restart" });
  await expect(confirm).toContainText("Restart 3 processes on 2 hosts?");
  for (const n of [1, 2, 3]) await expect(confirm.getByRole("listitem").filter({ hasText: `${prefix}-${n}` })).toBeVisible();
  await confirm.getByRole("button", { name: "Confirm: Restart 3 processes on 2 hosts" }).click();

  await expect(page).toHaveURL(/\/biz\/2\/tasks\/GSETASK%3A\d{14}%3A\d+$/, { timeout: 15_000 });
  taskUrl = page.url();
  await expect(taskRows(page)).toHaveCount(6);
  // grouped by process: a heading per process, its two hosts under it
  const groups = page.locator("table tbody tr[data-group]");
  await expect(groups).toHaveCount(3);
  for (const n of [1, 2, 3]) {
    const name = `${prefix}-${n}`;
    await expect(page.locator(`tr[data-group="${name}"]`)).toContainText("2 rows");
    await expect(page.locator(`tr[data-group="${name}"]`).getByRole("link", { name })).toHaveAttribute("href", `/biz/${DEMO_BIZ}/processes/${processIds[n - 1]}`);
    await expect(page.locator(`tbody tr[data-process="${name}"]`)).toHaveCount(2);
  }
  await expect(page.locator('tbody tr[data-ip="127.0.0.13"]').first()).toContainText("set-a");
  await expect(page.locator('tbody tr[data-ip="127.0.0.22"]').first()).toContainText("set-b");
  // .13 restarts all three; .22 has no agent: its rows fail
  for (const row of await page.locator('tbody tr[data-ip="127.0.0.13"]').all()) await expect(row).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
  for (const row of await page.locator('tbody tr[data-ip="127.0.0.22"]').all()) await expect(row).toHaveAttribute("data-state", "failed", { timeout: 30_000 });
  await expect(page.getByText("6 of 6 done · 3 succeeded · 3 failed")).toBeVisible();
  await expect(page.getByRole("region", { name: "Task" }).getByText("3 processes", { exact: true })).toBeVisible();

  // the history names the processes of the one task
  const taskId = decodeURIComponent(taskUrl.split("/tasks/")[1]);
  await page.goto(`/biz/${DEMO_BIZ}/tasks?ip=127.0.0.22`);
  const processes = page.locator(`tr[data-task-id="${taskId}"] [data-testid="task-processes"]`);
  await expect(processes).toHaveText(`${prefix}-1, ${prefix}-2, ${prefix}-3`);
  await expect(processes).toHaveAttribute("title", "3 processes");
});

test("the task page filters rows by state and IP and copies the failed IPs", async ({ page }) => {
  expect(taskUrl, "the bulk test started a task").not.toBe("");
  await page.goto(taskUrl);
  await expect(taskRows(page)).toHaveCount(6);
  const filters = page.getByRole("group", { name: "Rows" });
  await expect(filters.getByRole("button", { name: "All (6)" })).toHaveAttribute("aria-pressed", "true");
  await expect(filters.getByRole("button", { name: "Running (0)" })).toBeVisible();
  await expect(filters.getByRole("button", { name: "Succeeded (3)" })).toBeVisible();

  await filters.getByRole("button", { name: "Failed (3)" }).click();
  await expect(page).toHaveURL(/rows=failed/);
  await expect(taskRows(page)).toHaveCount(3);
  for (const row of await taskRows(page).all()) await expect(row).toHaveAttribute("data-ip", "127.0.0.22");

  await filters.getByRole("button", { name: "All (6)" }).click();
  await page.getByLabel("Search IP").fill("0.13");
  await expect(page).toHaveURL(/ip=0\.13/);
  await expect(taskRows(page)).toHaveCount(3);
  for (const row of await taskRows(page).all()) await expect(row).toHaveAttribute("data-ip", "127.0.0.13");

  // copy the failed IPs whatever is shown: each IP once, one a line
  await page.getByRole("button", { name: "Copy failed IPs" }).click();
  await expect(page.getByText("Copied 1 IP", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("127.0.0.22");
  await page.getByRole("button", { name: "Copy all IPs" }).click();
  expect((await page.evaluate(() => navigator.clipboard.readText())).split("\n").sort()).toEqual(["127.0.0.13", "127.0.0.22"]);

  // a shared link opens on the same filter
  await page.goto(`${taskUrl}?rows=succeeded`);
  await expect(taskRows(page)).toHaveCount(3);
  await expect(page.getByRole("group", { name: "Rows" }).getByRole("button", { name: "Succeeded (3)" })).toHaveAttribute("aria-pressed", "true");
});

test("a task is retried once: the original then links to its retry and offers no second one", async ({ page }) => {
  test.setTimeout(90_000);
  // .13's agent goes (leaving the daemons running): it would bring back what .22's restart stops, and
  // the two "hosts" share this machine's pid files
  await agents.get("127.0.0.13")!.stop();
  agents.delete("127.0.0.13");
  agents.set("127.0.0.22", await startAgent("127.0.0.22"));
  await page.goto(taskUrl);
  await page.getByRole("button", { name: "Retry failed (3)" }).click();
  await expect(page).not.toHaveURL(taskUrl);
  await expect(page).toHaveURL(/\/tasks\/GSETASK/);
  const retryUrl = page.url();
  await expect(taskRows(page)).toHaveCount(3);
  for (const row of await taskRows(page).all()) await expect(row).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
  await expect(page.locator("table tbody tr[data-group]")).toHaveCount(3);

  await expectRetriedOnce(page, { taskUrl, retryUrl });
  await expect(page.getByText("3 of 3 done · 3 succeeded · 0 failed")).toBeVisible();
});

for (const [op, operation, n] of [["stop", "Stop", 1], ["kill", "Force stop", 2]] as const) {
  test(`a ${op} asks again before it is retried; cancelling starts nothing`, async ({ page }) => {
    test.setTimeout(150_000);
    // .22's agent runs the operation; .13 has none since the retry test, so its row fails (117)
    const processId = processIds[n - 1];
    const name = `${prefix}-${n}`;
    await page.goto(`/biz/${DEMO_BIZ}/processes/${processId}`);
    await page.getByRole("button", { name: "Operate", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Operate ${name}` });
    await dialog.getByRole("radio", { name: operation, exact: true }).check();
    await dialog.getByRole("checkbox", { name: "Select all 2 hosts shown" }).check();
    await dialog.getByRole("button", { name: `${operation} on 2 hosts` }).click();
    await page.getByRole("dialog", { name: `Confirm: ${operation}` }).getByRole("button", { name: `Confirm: ${operation} on 2 hosts` }).click();
    await expect(page).toHaveURL(/\/tasks\/GSETASK/, { timeout: 15_000 });
    const originalUrl = page.url();
    await expect(page.locator('tbody tr[data-ip="127.0.0.22"]')).toHaveAttribute("data-state", "succeeded", { timeout: 30_000 });
    // an agent that went away is offline at once, or 45 s after it was last seen
    await expect(page.locator('tbody tr[data-ip="127.0.0.13"]')).toHaveAttribute("data-state", "failed", { timeout: 70_000 });

    // the retry asks again, naming the operation; cancelling leaves the task as it was and starts none
    const retryButton = page.getByRole("button", { name: "Retry failed (1)" });
    await retryButton.click();
    const confirm = page.getByRole("dialog", { name: `Confirm: retry ${operation}` });
    await expect(confirm).toContainText(`${operation} again on the 1 failed row?`);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await expect(page).toHaveURL(originalUrl);
    await expect(retryButton).toBeEnabled();
    await expect(page.getByTestId("retried-as")).toHaveCount(0);
    expect(await countTasksOf(page, processId)).toBe(1);

    // confirmed, the retry starts with only the failed row
    await retryButton.click();
    await confirm.getByRole("button", { name: `Confirm: ${operation} again` }).click();
    await expect(page).not.toHaveURL(originalUrl);
    await expect(page).toHaveURL(/\/tasks\/GSETASK/);
    const retryUrl = page.url();
    await expect(taskRows(page)).toHaveCount(1);
    await expect(taskRows(page)).toHaveAttribute("data-ip", "127.0.0.13");
    await expect(page.getByRole("region", { name: "Task" })).toContainText(operation);
    expect(await countTasksOf(page, processId)).toBe(2);
    await expectRetriedOnce(page, { taskUrl: originalUrl, retryUrl });
  });
}

/** From the retry's page: its original links it as "Retried as", offers no second retry, and the server refuses one. */
async function expectRetriedOnce(page: Page, { taskUrl, retryUrl }: { taskUrl: string; retryUrl: string }) {
  const originalId = decodeURIComponent(taskUrl.split("/tasks/")[1]);
  const retryId = decodeURIComponent(retryUrl.split("/tasks/")[1]);
  await page.getByRole("link", { name: originalId }).click();
  await expect(page).toHaveURL(taskUrl);
  const retriedAs = page.getByTestId("retried-as");
  await expect(retriedAs).toHaveText(retryId);
  await expect(page.getByRole("button", { name: /^Retry failed/ })).toHaveCount(0);
  // the server refuses a second retry too (a stale page, another tab)
  const again = await page.request.post(`/api/console/businesses/${DEMO_BIZ}/tasks/${encodeURIComponent(originalId)}/retry`, { headers: await csrfHeader(page) });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { message: string } }).error.message).toContain(`already retried as ${retryId}`);
  await retriedAs.click();
  await expect(page).toHaveURL(retryUrl);
}

async function countTasksOf(page: Page, processId: number): Promise<number> {
  const response = await page.request.get(`/api/console/businesses/${DEMO_BIZ}/tasks?processId=${processId}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { data: { count: number } }).data.count;
}
