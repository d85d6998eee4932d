// What each role is offered in the console. Users are made straight in the database with one role in
// the demo business (or in another business only) and sign in for real. An operator can operate but
// not edit; a viewer sees no write controls, and a write sent from their session anyway is refused
// with 403 and changes nothing; a user of another business does not see the demo business at all.
import { expect, test, type Page } from "@playwright/test";
import { createProcessViaApi, csrfHeader, deleteProcessViaApi, DEMO_BIZ, openProcessList, readProcessViaApi, setBindingViaApi, signIn, signInAs, uniqueName } from "./support/console";
import { createBusiness, createUser, removeTestData, type TTestUser } from "./support/users";

test.describe.configure({ mode: "serial" });
// several pages each, and an operation: more than the default minute on a busy machine
test.setTimeout(150_000);

const FORBIDDEN_CODE = 9900403;
const userIds: number[] = [];
const bizIds: number[] = [];
let operator: TTestUser;
let viewer: TTestUser;
let processId: number;
let processName: string;
/** the task the operator starts, which the viewer then opens */
let taskUrl = "";

test.beforeAll(async ({ browser }) => {
  operator = await createUser("operator", [{ bizId: DEMO_BIZ, role: "operator" }]);
  viewer = await createUser("viewer", [{ bizId: DEMO_BIZ, role: "viewer" }]);
  userIds.push(operator.id, viewer.id);

  // a process the status operation can run for (work path and pid file), bound to "cache" (one host)
  const page = await browser.newPage();
  await signIn(page);
  processName = uniqueName("roles-ui");
  processId = await createProcessViaApi(page, { bk_process_name: processName, work_path: "/tmp/procdeck-roles-ui", pid_file: "/tmp/procdeck-roles-ui/app.pid" });
  await setBindingViaApi(page, processId, "cache", true);
  // a dev server compiles each page and route on first use: do that here, not inside 5 s expectations
  test.setTimeout(180_000);
  for (const path of [`/biz/${DEMO_BIZ}/processes?q=${processName}`, `/biz/${DEMO_BIZ}/processes/${processId}`, `/biz/${DEMO_BIZ}/processes/${processId}/edit`, `/biz/${DEMO_BIZ}/tasks`]) {
    await page.goto(path);
    await expect(page.locator("main .animate-pulse")).toHaveCount(0, { timeout: 60_000 });
  }
  await page.close();
});

test.afterAll(async ({ browser }) => {
  const page = await browser.newPage();
  await signIn(page);
  await setBindingViaApi(page, processId, "cache", false);
  await deleteProcessViaApi(page, processId);
  await page.close();
  await removeTestData(userIds, bizIds);
});

/** The process page once its record has loaded (the header buttons depend on it). */
async function openProcess(page: Page) {
  await page.goto(`/biz/${DEMO_BIZ}/processes/${processId}`);
  await expect(page.getByRole("heading", { level: 1, name: processName })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('dd[data-attribute="pid_file"]')).toHaveText("/tmp/procdeck-roles-ui/app.pid");
  await expect(page.getByRole("region", { name: "Module bindings" }).locator('li[data-module="cache"]')).toContainText("Bound");
}

/** The role badge as seen (screen readers get "Your role in this business: …" instead). */
function roleBadge(page: Page) {
  return page.locator("header [data-role] > [aria-hidden]");
}

test("an operator can operate a process but is offered nothing that edits it", async ({ page }) => {
  await signInAs(page, operator.username, operator.password);

  await openProcessList(page, `q=${processName}`);
  await expect(page.locator("header [data-role]")).toHaveAttribute("data-role", "operator");
  await expect(roleBadge(page)).toHaveText("Operator");
  await expect(page.getByText("Your role in this business: Operator")).toBeAttached();
  await expect(page.getByRole("link", { name: processName })).toBeVisible();
  await expect(page.getByRole("link", { name: "New process" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Batch edit" })).toHaveCount(0);
  // selecting is for operating many processes at once (Operate), not for editing them
  await expect(page.getByRole("button", { name: "Operate", exact: true })).toBeDisabled();
  await expect(page.getByRole("checkbox", { name: `Select ${processName}` })).toBeVisible();
  await expect(page.getByText("Read only: changing processes needs the admin role")).toBeVisible();

  await openProcess(page);
  await expect(page.getByRole("button", { name: "Operate", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(page.getByText("Only admins of this business can change bindings.")).toBeVisible();

  // Operate: the status of the one host of "cache"; the new task opens
  await page.getByRole("button", { name: "Operate", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Operate ${processName}` });
  await dialog.getByRole("radio", { name: "Status", exact: true }).check();
  await dialog.getByRole("checkbox", { name: "Select 127.0.0.14" }).check();
  await dialog.getByRole("button", { name: "Status on 1 host" }).click();
  // the first operation may wait for a dev server to compile its route
  await expect(page).toHaveURL(/\/biz\/2\/tasks\/GSETASK%3A\d{14}%3A\d+$/, { timeout: 60_000 });
  taskUrl = new URL(page.url()).pathname;
  await expect(page.locator('table tbody tr[data-ip="127.0.0.14"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: processName })).toBeVisible();
  // no agent answers on that host in this test: the row is failed or still waiting, so Retry failed is offered
  await expect(page.getByRole("button", { name: /^Retry failed/ })).toBeVisible();

  // a page that only exists to edit explains the missing role instead of showing a form
  for (const path of [`/biz/${DEMO_BIZ}/processes/${processId}/edit`, `/biz/${DEMO_BIZ}/processes/new`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: "You need the admin role in this business" })).toBeVisible();
    await expect(page.getByText("Your role in Demo is operator")).toBeVisible();
    await expect(page.getByRole("textbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^(Save|Create)/ })).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Back to the process list" }).click();
  await expect(page).toHaveURL(`/biz/${DEMO_BIZ}/processes`);
  // an unknown process stays a plain not-found, not a permission question
  await page.goto(`/biz/${DEMO_BIZ}/processes/2147483000/edit`);
  await expect(page.getByText("This process does not exist. It may have been deleted.")).toBeVisible();
});

test("a viewer sees no write controls, and a write from their session is refused and changes nothing", async ({ page }) => {
  expect(taskUrl, "the operator test started a task").not.toBe("");
  await signInAs(page, viewer.username, viewer.password);

  await openProcessList(page, `q=${processName}`);
  await expect(roleBadge(page)).toHaveText("Viewer");
  await expect(page.getByRole("link", { name: processName })).toBeVisible();
  await expect(page.getByRole("link", { name: "New process" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Batch edit" })).toHaveCount(0);
  await expect(page.getByRole("checkbox")).toHaveCount(0);
  // reading is all there: search, filter, columns and paging still work
  await expect(page.getByRole("button", { name: "Columns" })).toBeVisible();

  await openProcess(page);
  for (const name of ["Operate", "Delete"]) await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("switch")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Module bindings" }).locator('li[data-module="db"]')).toContainText("Not bound");
  await expect(page.getByRole("link", { name: "Task history" })).toBeVisible();

  // the operator's task: visible in full, but not retryable from here
  await page.goto(taskUrl);
  await expect(page.locator('table tbody tr[data-ip="127.0.0.14"]')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("link", { name: processName })).toBeVisible();
  await expect(page.getByRole("button", { name: /Retry failed/ })).toHaveCount(0);
  await page.goto(`/biz/${DEMO_BIZ}/tasks?process=${processId}`);
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByRole("table").getByRole("button")).toHaveCount(0);

  await page.goto(`/biz/${DEMO_BIZ}/processes/${processId}/edit`);
  await expect(page.getByRole("heading", { level: 1, name: "You need the admin role in this business" })).toBeVisible();
  await expect(page.getByText("Your role in Demo is viewer")).toBeVisible();

  // writes sent anyway from the viewer's own session (cookie and CSRF token) are refused with 403
  const before = await readProcessViaApi(page, processId);
  const base = `/api/console/businesses/${DEMO_BIZ}/processes`;
  const headers = await csrfHeader(page);
  expect(headers["x-csrf-token"]).not.toBe("");
  const writes = [
    page.request.patch(`${base}/${processId}`, { headers, data: { expectedRevision: before.revision, changes: { bk_func_name: "changed-by-viewer" } } }),
    page.request.delete(`${base}/${processId}`, { headers }),
    page.request.put(`${base}/${processId}/modules/db`, { headers }),
    page.request.post(`${base}/${processId}/operations`, { headers, data: { opType: 2, hostIds: [] } }),
    page.request.post(base, { headers, data: { bk_process_name: uniqueName("viewer-made"), bk_func_name: "x" } }),
  ];
  for (const response of await Promise.all(writes)) {
    expect(response.status(), response.url()).toBe(403);
    const body = (await response.json()) as { ok: boolean; error: { code: number; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe(FORBIDDEN_CODE);
    expect(body.error.message).toContain(viewer.username);
  }
  const after = await readProcessViaApi(page, processId);
  expect(after.revision).toBe(before.revision);
  expect(after.record).toEqual(before.record);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "You need the admin role in this business" })).toBeVisible();
  await page.goto(`/biz/${DEMO_BIZ}/processes/${processId}`);
  await expect(page.getByRole("region", { name: "Module bindings" }).locator('li[data-module="db"]')).toContainText("Not bound");
  await expect(page.getByRole("region", { name: "History" })).not.toContainText("changed-by-viewer");
});

test("a user with roles only in another business does not see the demo business", async ({ page }) => {
  const other = await createBusiness("roles-other");
  bizIds.push(other.id);
  const outsider = await createUser("outsider", [{ bizId: other.id, role: "admin" }]);
  userIds.push(outsider.id);
  await signInAs(page, outsider.username, outsider.password);

  // "/" opens the one business they have
  await page.goto("/");
  await expect(page).toHaveURL(`/biz/${other.id}/processes`);
  await expect(roleBadge(page)).toHaveText("Admin");
  const switcher = page.getByLabel("Business");
  await expect(switcher.locator("option")).toHaveText([`${other.name} (${other.id})`]);

  await page.goto(`/biz/${DEMO_BIZ}/processes`);
  await expect(page.getByText("This business does not exist.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  await expect(roleBadge(page)).toHaveCount(0);
  await expect(switcher).toHaveValue("");
  await expect(switcher.locator("option")).toHaveText(["—", `${other.name} (${other.id})`]);
  // a process there is as unknown to them as a made-up one
  await page.goto(`/biz/${DEMO_BIZ}/processes/${processId}`);
  await expect(page.getByText("This process does not exist. It may have been deleted.")).toBeVisible();
  await expect(page.getByRole("heading", { name: processName })).toHaveCount(0);

  const reply = await page.request.get(`/api/console/businesses/${DEMO_BIZ}/processes/${processId}`);
  expect(reply.status()).toBe(403);
});

test("the header offers administration only to global admins, and a user without roles is told whom to ask", async ({ page }) => {
  const loner = await createUser("no-role", []);
  userIds.push(loner.id);
  await signInAs(page, loner.username, loner.password);
  await page.goto("/");
  await expect(page.getByText("You have no role in any business yet")).toBeVisible();
  await expect(page.getByText("Ask an administrator to give you a role")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Audit" })).toHaveAttribute("href", "/audit");
  await expect(page.getByRole("navigation", { name: "Administration" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Signed in as ${loner.username}` })).toHaveAttribute("href", "/account");

  await page.context().clearCookies();
  await signIn(page);
  await openProcessList(page);
  await expect(roleBadge(page)).toHaveText("Global admin");
  const admin = page.getByRole("navigation", { name: "Administration" });
  await expect(admin.getByRole("link")).toHaveText(["Users", "Apps", "Businesses"]);
  await expect(admin.getByRole("link", { name: "Users" })).toHaveAttribute("href", "/admin/users");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Topology" })).toHaveAttribute("href", `/biz/${DEMO_BIZ}/topology`);
  await expect(page.getByRole("link", { name: "New process" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Batch edit" })).toBeVisible();
});
