import { expect, test } from "@playwright/test";
import { createProcessViaApi, openProcessList, readProcessViaApi, signIn, tableRows, uniqueName } from "./support/console";

test("batch-edits two processes: preview per process, apply, both change in the list", async ({ page }) => {
  await signIn(page);
  const prefix = uniqueName("batch");
  const ids = [await createProcessViaApi(page, { bk_process_name: `${prefix}-one`, user: "alpha" }), await createProcessViaApi(page, { bk_process_name: `${prefix}-two`, user: "beta" })];
  await openProcessList(page, `q=${prefix}`);
  await expect(tableRows(page)).toHaveCount(2);

  await page.getByRole("checkbox", { name: `Select ${prefix}-one` }).check();
  await page.getByRole("checkbox", { name: `Select ${prefix}-two` }).check();
  await expect(page.getByText("2 selected")).toBeVisible();
  await page.getByRole("button", { name: "Batch edit" }).click();

  const dialog = page.getByRole("dialog", { name: "Batch edit 2 processes" });
  await dialog.getByRole("checkbox", { name: "Change Process user" }).check();
  await dialog.getByRole("textbox", { name: "Process user" }).fill("batch-user");
  await dialog.getByRole("button", { name: "Preview changes" }).click();

  await expect(dialog.getByText("2 of 2 processes change")).toBeVisible();
  await expect(dialog.locator(`tr[data-process="${prefix}-one"]`)).toContainText("alpha → batch-user");
  await expect(dialog.locator(`tr[data-process="${prefix}-two"]`)).toContainText("beta → batch-user");
  await dialog.getByRole("button", { name: "Apply to 2 processes" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Updated 2 processes" })).toBeVisible();
  await expect(tableRows(page).filter({ hasText: "batch-user" })).toHaveCount(2);
  for (const id of ids) expect((await readProcessViaApi(page, id)).record.user).toBe("batch-user");
});

test("a bad value in a batch edit is shown next to its field and changes nothing", async ({ page }) => {
  await signIn(page);
  const prefix = uniqueName("batch-bad");
  const id = await createProcessViaApi(page, { bk_process_name: `${prefix}-one`, timeout: 5 });
  await openProcessList(page, `q=${prefix}`);
  await page.getByRole("checkbox", { name: `Select ${prefix}-one` }).check();
  await page.getByRole("button", { name: "Batch edit" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("checkbox", { name: "Change Process timeout" }).check();
  await dialog.getByRole("textbox", { name: "Process timeout" }).fill("0");
  await dialog.getByRole("button", { name: "Preview changes" }).click();
  await expect(dialog.getByRole("textbox", { name: "Process timeout" })).toHaveAccessibleDescription(/between 1 and 10000/);
  expect((await readProcessViaApi(page, id)).record.timeout).toBe(5);
});
