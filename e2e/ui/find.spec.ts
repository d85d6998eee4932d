// Finding things: the header search across businesses (only what the user may see, grouped by
// business, keyboard navigable, each result a link), `/` to focus search, the process list's search
// by function name in any case, the audit page's pickers and sentences, and the business navigation
// staying on pages beyond one business.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { createProcessViaApi, DEMO_BIZ, openProcessList, signIn, signInAs, tableRows, uniqueName } from "./support/console";
import { createBusiness, createUser, removeTestData, sql, type TTestUser } from "./support/users";

test.describe.configure({ mode: "serial" });
test.setTimeout(120_000);

const userIds: number[] = [];
const bizIds: number[] = [];
const token = uniqueName("FindMe").replace(/-/g, "");
let demoProcess: { id: number; name: string };
let otherProcess: { id: number; name: string };
let demoHostIp: string;
let otherHostIp: string;
let other: { id: number; name: string };
let viewer: TTestUser;

/** A host on a fresh address in 198.18.0.0/15 (no demo host uses it), placed in one module. */
async function insertPlacedHost(moduleId: number): Promise<string> {
  for (;;) {
    const ip = `198.${18 + Math.floor(Math.random() * 2)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
    const [row] = await sql<{ bk_host_id: number }>(`INSERT INTO host (bk_host_innerip, bk_cloud_id, bk_host_name) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING RETURNING bk_host_id`, [ip, uniqueName("find-host")]);
    if (!row) continue;
    await sql(`INSERT INTO host_module (bk_host_id, bk_module_id) VALUES ($1, $2)`, [row.bk_host_id, moduleId]);
    return ip;
  }
}

async function moduleIn(bizId: number): Promise<number> {
  const [set] = await sql<{ bk_set_id: number }>(`INSERT INTO "set" (bk_biz_id, bk_set_name) VALUES ($1, $2) RETURNING bk_set_id`, [bizId, uniqueName("find-set")]);
  const [module] = await sql<{ bk_module_id: number }>(`INSERT INTO module (bk_biz_id, bk_set_id, bk_module_name) VALUES ($1, $2, $3) RETURNING bk_module_id`, [bizId, set.bk_set_id, uniqueName("find-mod")]);
  return module.bk_module_id;
}

test.beforeAll(async ({ browser }) => {
  // a dev server compiles each page on first use (below): more than the default minute
  test.setTimeout(300_000);
  other = await createBusiness("find-other");
  bizIds.push(other.id);
  viewer = await createUser("find-viewer", [{ bizId: DEMO_BIZ, role: "viewer" }]);
  userIds.push(viewer.id);

  const page = await browser.newPage();
  await signIn(page);
  // the token is in the function name only, in upper case; searches type it in lower case
  const demoName = uniqueName("find-demo");
  demoProcess = { id: await createProcessViaApi(page, { bk_process_name: demoName, bk_func_name: `Svc${token.toUpperCase()}` }), name: demoName };
  const otherName = uniqueName("find-other");
  const [row] = await sql<{ bk_process_id: number }>(`INSERT INTO process (bk_biz_id, bk_process_name, bk_func_name) VALUES ($1, $2, $3) RETURNING bk_process_id`, [other.id, otherName, `Svc${token.toUpperCase()}`]);
  otherProcess = { id: row.bk_process_id, name: otherName };
  demoHostIp = await insertPlacedHost(await moduleIn(DEMO_BIZ));
  otherHostIp = await insertPlacedHost(await moduleIn(other.id));
  // a dev server compiles each page and route on first use: do that here, not inside short waits
  for (const path of ["/audit", `/biz/${DEMO_BIZ}/processes`, `/biz/${DEMO_BIZ}/hosts`, `/biz/${DEMO_BIZ}/processes/${demoProcess.id}`, "/admin/users"]) {
    await page.goto(path);
    await expect(page.locator("main .animate-pulse")).toHaveCount(0, { timeout: 60_000 });
  }
  await page.request.get(`/api/console/search?q=${token}`);
  await page.close();
});

test.afterAll(async () => {
  await sql(`DELETE FROM host_module WHERE bk_host_id IN (SELECT bk_host_id FROM host WHERE bk_host_innerip = ANY($1::text[]))`, [[demoHostIp, otherHostIp]]);
  await sql(`DELETE FROM host WHERE bk_host_innerip = ANY($1::text[])`, [[demoHostIp, otherHostIp]]);
  await sql(`DELETE FROM process WHERE bk_biz_id = $1`, [other.id]);
  await sql(`DELETE FROM module WHERE bk_biz_id = $1`, [other.id]);
  await sql(`DELETE FROM "set" WHERE bk_biz_id = $1`, [other.id]);
  await removeTestData(userIds, bizIds);
});

const headerSearch = (page: Page) => page.getByRole("combobox", { name: "Search processes and hosts" });
const results = (page: Page) => page.getByRole("listbox", { name: "Search processes and hosts" });

test("a user with a role in one business finds only that business's processes and hosts", async ({ page }) => {
  await signInAs(page, viewer.username, viewer.password);
  await page.goto("/audit");
  await headerSearch(page).fill(token.toLowerCase());
  await expect(results(page).getByRole("option", { name: new RegExp(demoProcess.name) })).toBeVisible();
  await expect(results(page).getByRole("group")).toHaveCount(1);
  await expect(results(page).getByRole("option", { name: new RegExp(otherProcess.name) })).toHaveCount(0);

  // a host of the other business is not found; one of theirs is
  await headerSearch(page).fill(otherHostIp);
  await expect(page.getByText(`Nothing matches “${otherHostIp}”`)).toBeVisible();
  await headerSearch(page).fill(demoHostIp);
  const host = results(page).getByRole("option", { name: new RegExp(demoHostIp.replace(/\./g, "\\.")) });
  await expect(host).toBeVisible();
  // the result opens the host in its business
  await host.click();
  // generous waits where a page opens: a busy machine (or a dev server compiling it) can be slow
  await expect(page).toHaveURL(new RegExp(`/biz/${DEMO_BIZ}/hosts\\?ip=${demoHostIp.replace(/\./g, "\\.")}`), { timeout: 30_000 });
  await expect(page.locator(`tr[data-ip="${demoHostIp}"]`)).toHaveAttribute("aria-current", "true", { timeout: 30_000 });

  // the API answers the same, whatever the page shows
  const reply = await page.request.get(`/api/console/search?q=${otherHostIp}`);
  expect((await reply.json()).data.businesses).toEqual([]);
});

test("an administrator finds both businesses' processes, grouped by business, by keyboard", async ({ page }) => {
  await signIn(page);
  await page.goto("/audit");
  await headerSearch(page).fill(token.toLowerCase());
  const groups = results(page).getByRole("group");
  await expect(groups).toHaveCount(2);
  await expect(groups.filter({ has: page.getByRole("option", { name: new RegExp(demoProcess.name) }) })).toHaveAttribute("data-find-biz", String(DEMO_BIZ));
  await expect(groups.filter({ has: page.getByRole("option", { name: new RegExp(otherProcess.name) }) })).toHaveAttribute("data-find-biz", String(other.id));

  // arrows walk the results, Enter opens the one marked
  await headerSearch(page).press("ArrowDown");
  await expect(results(page).getByRole("option", { selected: true })).toHaveCount(1);
  const first = await results(page).getByRole("option", { selected: true }).getAttribute("href");
  await headerSearch(page).press("Enter");
  await expect(page).toHaveURL(first!, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: first!.includes(`/biz/${DEMO_BIZ}/`) ? demoProcess.name : otherProcess.name })).toBeVisible({ timeout: 30_000 });
});

test("/ focuses search: the page's own on the process list, the header's elsewhere, never while typing", async ({ page }) => {
  await signIn(page);
  await page.goto("/audit");
  await expect(page.locator("tbody tr[data-audit-id]").first()).toBeVisible({ timeout: 30_000 });
  await pressSlashUntilFocused(page, headerSearch(page));
  await expect(headerSearch(page)).toHaveValue("");

  // typing "/" into a field types it
  const objectFilter = page.getByLabel("Object ID or name");
  await objectFilter.fill("a");
  await objectFilter.press("/");
  await expect(objectFilter).toHaveValue("a/");
  await expect(objectFilter).toBeFocused();

  await openProcessList(page);
  await pressSlashUntilFocused(page, page.getByLabel("Search by name or function"));
});

/**
 * The pages come with their content in the server's HTML, so they can be shown before they have
 * hydrated and listen for keys: a "/" pressed then goes nowhere. It is pressed again until it lands.
 */
async function pressSlashUntilFocused(page: Page, field: Locator) {
  await expect(async () => {
    await page.locator("body").press("/");
    await expect(field).toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

test("the process list finds a process by its function name in any case", async ({ page }) => {
  await signIn(page);
  await openProcessList(page);
  await page.getByLabel("Search by name or function").fill(token.toLowerCase());
  await expect(page).toHaveURL(new RegExp(`q=${token.toLowerCase()}`));
  await expect(tableRows(page)).toHaveCount(1);
  await expect(tableRows(page).first()).toContainText(demoProcess.name);
});

test("audit: object type and action are pickers in the UI language, and entries read as sentences", async ({ page }) => {
  await signIn(page);
  await page.goto(`/audit?biz=${DEMO_BIZ}&object=${demoProcess.id}`);
  const type = page.getByLabel("Object type");
  const action = page.getByLabel("Action", { exact: true });
  const rows = page.locator("tbody tr[data-audit-id]");
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  // the entries come in the server's HTML, so the pickers may be shown before the page has hydrated:
  // a choice made then changes the box but not the page (hydration keeps the URL's value). The test
  // picks again until the choice has reached both the URL and the box.
  await expect(async () => {
    await type.selectOption({ label: "Any type" });
    await type.selectOption({ label: "Process" });
    await expect(page).toHaveURL(/type=process/, { timeout: 2000 });
    await expect(type.locator("option:checked")).toHaveText("Process", { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await action.selectOption({ label: "Create" });
  await expect(page).toHaveURL(/action=create/);
  await expect(page).toHaveURL(/type=process/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId("audit-sentence")).toHaveText(`admin created process ${demoProcess.name}`);

  // another action narrows to nothing
  await action.selectOption({ label: "Delete" });
  await expect(page.getByText("No entry matches these filters.")).toBeVisible();

  // in Chinese the pickers and the sentence follow
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");
  await page.goto(`/audit?biz=${DEMO_BIZ}&object=${demoProcess.id}&type=process&action=create`);
  await expect(page.getByLabel("对象类型")).toHaveValue("process");
  await expect(page.getByLabel("对象类型").locator("option:checked")).toHaveText("进程");
  await expect(rows.first().getByTestId("audit-sentence")).toHaveText(`admin 创建了进程 ${demoProcess.name}`);
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
});

test("the business navigation stays on administration and audit pages", async ({ page }) => {
  await signIn(page);
  await openProcessList(page);
  await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/admin\/users/, { timeout: 30_000 });
  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: "Processes" })).toHaveAttribute("href", `/biz/${DEMO_BIZ}/processes`);
  await main.getByRole("link", { name: "Hosts" }).click();
  await expect(page).toHaveURL(`/biz/${DEMO_BIZ}/hosts`, { timeout: 30_000 });
});
