// Topology in the browser: an admin imports two hosts from CSV into a module. The preview points at
// the bad line with its reason and offers no import; once the line is fixed and previewed again,
// the import runs and both hosts show up in the module. The idle pool (stored in Chinese, as BlueKing
// names it) reads in English in the preview, the "Add hosts" picker and its module's table.
import { expect, test, type Page } from "@playwright/test";
import { csrfHeader, signIn, uniqueName } from "./support/console";

async function post<T>(page: Page, path: string, body: unknown): Promise<T> {
  const response = await page.request.post(path, { data: body, headers: await csrfHeader(page) });
  const envelope = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${path} refused: ${envelope.error?.message}`);
  return envelope.data;
}

/** An address in the benchmarking range, which the demo data never uses (another test drawing the same one is unlikely). */
function freshIp() {
  return `198.18.${128 + Math.floor(Math.random() * 128)}.${1 + Math.floor(Math.random() * 254)}`;
}

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

/** A new business (with its idle pool) and a set holding a module "web". */
async function createBusinessWithWeb(page: Page, prefix: string): Promise<{ bizId: number; setName: string }> {
  const { bizId } = await post<{ bizId: number }>(page, "/api/console/admin/businesses", { name: uniqueName(prefix) });
  const setName = uniqueName("ui-set");
  const { setId } = await post<{ setId: number }>(page, `/api/console/businesses/${bizId}/topology/sets`, { name: setName });
  await post(page, `/api/console/businesses/${bizId}/topology/sets/${setId}/modules`, { name: "web" });
  return { bizId, setName };
}

test("imports two hosts from CSV: a bad line is shown in the preview, fixed, then applied", async ({ page }) => {
  test.setTimeout(120_000);
  const { bizId, setName } = await createBusinessWithWeb(page, "ui-topo");
  const [first, second] = [freshIp(), freshIp()];

  await page.goto(`/biz/${bizId}/topology`);
  const tree = page.getByRole("navigation", { name: "Sets and modules" });
  await tree.getByRole("button", { name: /^web\b/ }).click();
  await expect(page.getByRole("heading", { level: 2, name: `${setName} / web` })).toBeVisible();
  await expect(page.getByText("No host is in this module.")).toBeVisible();

  await page.getByRole("button", { name: "Import hosts" }).click();
  const dialog = page.getByRole("dialog", { name: "Import hosts from CSV" });
  const csv = dialog.getByLabel("CSV");
  const typo = second.replace(/\.(\d+)$/, ".$1.7");
  await csv.fill(`bk_host_innerip,bk_host_name,bk_set_name,bk_module_name\n${first},ui-web-1,${setName},web\n${typo},ui-web-2,${setName},web\n`);
  await dialog.getByRole("button", { name: "Preview" }).click();

  const badLine = dialog.locator('tr[data-line="3"]');
  // generous: under `next dev` the first call of a route compiles it
  await expect(badLine).toHaveAttribute("data-status", "error", { timeout: 30_000 });
  await expect(badLine).toContainText(`bk_host_innerip '${typo}' is not an IPv4 address`);
  await expect(dialog.locator('tr[data-line="2"]')).toContainText("New host");
  await expect(dialog.getByText("Fix the lines with errors (1)")).toBeVisible();
  const apply = dialog.getByRole("button", { name: "Import 2 lines" });
  await expect(apply).toBeDisabled();

  await csv.fill(`bk_host_innerip,bk_host_name,bk_set_name,bk_module_name\n${first},ui-web-1,${setName},web\n${second},ui-web-2,${setName},web\n`);
  await expect(dialog.getByText("The text changed since this preview")).toBeVisible();
  await expect(apply).toBeDisabled();
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.locator('tr[data-line="3"]')).toHaveAttribute("data-status", "new");
  await expect(apply).toBeEnabled();
  await apply.click();

  await expect(dialog).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole("status").filter({ hasText: "Imported: 2 new hosts" })).toBeVisible();
  const table = page.getByRole("table", { name: `Hosts of ${setName} / web` });
  await expect(table.locator(`tr[data-ip="${first}"]`)).toContainText("ui-web-1");
  await expect(table.locator(`tr[data-ip="${second}"]`)).toContainText("ui-web-2");
  await expect(tree.getByRole("button", { name: /^web\b/ })).toContainText("2");

  // the module stays picked in the URL: a reload shows the same hosts
  await expect(page).toHaveURL(/[?&]module=\d+/);
  await page.reload();
  await expect(page.getByRole("table", { name: `Hosts of ${setName} / web` }).locator("tbody tr[data-ip]")).toHaveCount(2, { timeout: 30_000 });
});

test("the idle pool reads in the UI language in the import preview, the host picker and the module's hosts", async ({ page }) => {
  test.setTimeout(120_000);
  const { bizId, setName } = await createBusinessWithWeb(page, "ui-idle");
  const ip = freshIp();

  await page.goto(`/biz/${bizId}/topology`);
  const tree = page.getByRole("navigation", { name: "Sets and modules" });
  await tree.getByRole("button", { name: /^web\b/ }).click();
  // no set and no module: the line goes to the idle module, named in English
  await page.getByRole("button", { name: "Import hosts" }).click();
  const dialog = page.getByRole("dialog", { name: "Import hosts from CSV" });
  await dialog.getByLabel("CSV").fill(`bk_host_innerip,bk_host_name,bk_set_name,bk_module_name\n${ip},ui-idle-1,,\n`);
  await dialog.getByRole("button", { name: "Preview" }).click();
  const line = dialog.locator('tr[data-line="2"]');
  await expect(line).toHaveAttribute("data-status", "new", { timeout: 30_000 });
  await expect(line).toContainText("Idle pool / Idle hosts");
  await expect(line).not.toContainText("空闲机");
  await dialog.getByRole("button", { name: "Import 1 line" }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  // the picker of "Add hosts" shows where the host is now
  await page.getByRole("button", { name: "Add hosts", exact: true }).first().click();
  const picker = page.getByRole("dialog", { name: `Add hosts to ${setName} / web` });
  const candidate = picker.getByRole("listitem").filter({ hasText: ip });
  await expect(candidate).toContainText("Idle pool / Idle hosts");
  await expect(candidate).not.toContainText("空闲机");
  await candidate.getByRole("checkbox").check();
  await picker.getByRole("button", { name: "Cancel" }).click();

  // the idle module's own table
  await tree.getByRole("button", { name: /^Idle hosts\b/ }).click();
  const table = page.getByRole("table", { name: "Hosts of Idle pool / Idle hosts" });
  await expect(table.locator(`tr[data-ip="${ip}"]`)).toContainText("Idle pool / Idle hosts");
});
