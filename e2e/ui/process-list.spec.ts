import { expect, test, type Page } from "@playwright/test";
import { createProcessViaApi, openProcessList, setBindingViaApi, signIn, tableRows, uniqueName } from "./support/console";

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

async function createSet(page: Page, prefix: string, names: string[]) {
  const ids: number[] = [];
  for (const name of names) ids.push(await createProcessViaApi(page, { bk_process_name: `${prefix}-${name}`, port: String(8000 + ids.length) }));
  return ids;
}

/** The name of each row: its link to the process page (not a column position: the state column comes first). */
function nameCells(page: Page) {
  return tableRows(page).locator('a[href*="/processes/"]');
}

test("finds processes by name substring; the search is in the URL", async ({ page }) => {
  const prefix = uniqueName("list-search");
  await createSet(page, prefix, ["alpha", "beta", "gamma"]);
  await openProcessList(page);
  await page.getByLabel("Search by name").fill(prefix);
  await expect(page).toHaveURL(new RegExp(`q=${prefix}`));
  await expect(tableRows(page)).toHaveCount(3);
  await expect(page.getByText("1–3 of 3")).toBeVisible();

  await page.getByLabel("Search by name").fill(`${prefix}-be`);
  await expect(tableRows(page)).toHaveCount(1);
  await expect(tableRows(page).first()).toContainText(`${prefix}-beta`);
});

test("filters by bound module, and the filtered view is a shareable link", async ({ page }) => {
  const prefix = uniqueName("list-module");
  const [, cacheId] = await createSet(page, prefix, ["plain", "cached"]);
  await setBindingViaApi(page, cacheId, "cache", true);

  await openProcessList(page, `q=${prefix}`);
  await expect(tableRows(page)).toHaveCount(2);
  await page.getByLabel("Bound module").selectOption("cache");
  await expect(page).toHaveURL(/module=cache/);
  await expect(tableRows(page)).toHaveCount(1);
  await expect(tableRows(page).first()).toContainText(`${prefix}-cached`);

  await page.reload();
  await expect(page.getByLabel("Bound module")).toHaveValue("cache");
  await expect(tableRows(page)).toHaveCount(1);
});

test("sorts by a column header, ascending then descending", async ({ page }) => {
  const prefix = uniqueName("list-sort");
  await createSet(page, prefix, ["b", "c", "a"]);
  await openProcessList(page, `q=${prefix}`);
  await expect(tableRows(page)).toHaveCount(3);

  await page.getByRole("button", { name: "Process name" }).click();
  await expect(page).toHaveURL(/sort=bk_process_name/);
  await expect(page.getByRole("columnheader", { name: /Process name/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(nameCells(page)).toHaveText([`${prefix}-a`, `${prefix}-b`, `${prefix}-c`]);

  await page.getByRole("button", { name: /Process name/ }).click();
  await expect(page).toHaveURL(/sort=-bk_process_name/);
  await expect(nameCells(page)).toHaveText([`${prefix}-c`, `${prefix}-b`, `${prefix}-a`]);

  await page.getByRole("button", { name: /^Port/ }).click();
  await expect(page).toHaveURL(/sort=port/);
  await expect(nameCells(page)).toHaveText([`${prefix}-b`, `${prefix}-c`, `${prefix}-a`]);
});

test("chooses visible columns; the choice is in the URL", async ({ page }) => {
  await openProcessList(page);
  await expect(page.getByRole("columnheader", { name: /^Port/ })).toBeVisible();
  await page.getByRole("button", { name: "Columns" }).click();
  // the URL is the state: the box follows once the address has changed
  const port = page.getByRole("checkbox", { name: "Port", exact: true });
  await port.click();
  await expect(port).not.toBeChecked();
  const startCommand = page.getByRole("checkbox", { name: "Start command", exact: true });
  await startCommand.click();
  await expect(startCommand).toBeChecked();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("columnheader", { name: /^Port/ })).toHaveCount(0);
  await expect(page.getByRole("columnheader", { name: /^Start command/ })).toBeVisible();
  await expect(page).toHaveURL(/cols=/);

  await page.reload();
  await expect(page.getByRole("columnheader", { name: /^Start command/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /^Port/ })).toHaveCount(0);
});

test("pages on the server: 26 matches are 25 + 1", async ({ page }) => {
  const prefix = uniqueName("list-page");
  await createSet(page, prefix, Array.from({ length: 26 }, (_, index) => `p${String(index).padStart(2, "0")}`));
  await openProcessList(page, `q=${prefix}&size=25`);
  await expect(tableRows(page)).toHaveCount(25);
  await expect(page.getByText("1–25 of 26")).toBeVisible();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(tableRows(page)).toHaveCount(1);
  await expect(page.getByText("26–26 of 26")).toBeVisible();
});

test("an empty result says what to do", async ({ page }) => {
  await openProcessList(page, `q=${uniqueName("nothing-matches")}`);
  await expect(page.getByText("No process matches these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(tableRows(page).first()).toBeVisible();
});
