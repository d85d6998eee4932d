import { expect, test, type Page } from "@playwright/test";
import { createProcessViaApi, DEMO_BIZ, signIn, uniqueName } from "./support/console";

/** Console errors of the page, CSP violations included ("Refused to execute inline script…"). */
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

test("an admin's edit shows on the audit page with its before → after diff; the export keeps the filters", async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await signIn(page);
  const name = uniqueName("audited");
  const id = await createProcessViaApi(page, { bk_process_name: name, start_cmd: "./bin/start.sh", port: "8080" });

  // edit the start command in the console
  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}/edit`);
  await page.getByLabel("Start command", { exact: true }).fill("./bin/start.sh --workers 4");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").getByText(`Saved ${name}`)).toBeVisible();

  // the audit page, filtered to that process (a shareable link)
  await page.goto(`/audit?biz=${DEMO_BIZ}&type=process&object=${id}`);
  await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  const rows = page.locator("tbody tr[data-audit-id]");
  await expect(rows).toHaveCount(2);
  const update = rows.first();
  await expect(update).toContainText("update");
  await expect(update).toContainText(name);
  await expect(update).toContainText("admin");
  await expect(update).toContainText("1 field");
  await expect(rows.nth(1)).toContainText("create");

  await update.getByRole("button", { name: /^Show the changes/ }).click();
  const diff = page.locator("table[data-audit-diff]");
  await expect(diff).toBeVisible();
  // only the changed field, before → after
  await expect(diff.locator("tbody tr")).toHaveCount(1);
  const startCmd = diff.locator('tr[data-field="start_cmd"]');
  await expect(startCmd).toContainText("Start command");
  await expect(startCmd.locator("del")).toHaveText("./bin/start.sh");
  await expect(startCmd.locator("ins")).toHaveText("./bin/start.sh --workers 4");

  // the create lists every field it recorded
  await rows.nth(1).getByRole("button", { name: /^Show the changes/ }).click();
  const createDiff = page.locator("table[data-audit-diff]").nth(1);
  await expect(createDiff.locator('tr[data-field="bk_process_name"] ins')).toHaveText(name);
  await expect(createDiff.locator('tr[data-field="port"] ins')).toHaveText("8080");

  // the export link carries the same filters, and downloads those entries
  const exportLink = page.getByRole("link", { name: "Export CSV" });
  const href = await exportLink.getAttribute("href");
  expect(href).not.toBeNull();
  const exportUrl = new URL(href!, "http://x");
  expect(exportUrl.pathname).toBe("/api/console/audit/export");
  expect(Object.fromEntries(exportUrl.searchParams)).toEqual({ bizId: String(DEMO_BIZ), objectType: "process", object: String(id) });
  const download = await page.request.get(href!);
  expect(download.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const csv = await download.text();
  expect(csv).toContain(name);
  expect(csv.trim().split("\r\n")).toHaveLength(3);

  // narrowing further goes into the URL, and the export link follows
  await page.getByLabel("Action", { exact: true }).selectOption("create");
  await expect(page).toHaveURL(/action=create/);
  await expect(rows).toHaveCount(1);
  await expect(exportLink).toHaveAttribute("href", /action=create/);

  // clearing the filters shows the empty-filter view again
  await page.goto(`/audit?biz=${DEMO_BIZ}&type=process&object=no-such-object-${id}`);
  await expect(page.getByText("No entry matches these filters.")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(rows.first()).toBeVisible();

  // the pages ran under the CSP without a blocked script or any other console error
  expect(errors).toEqual([]);
});
