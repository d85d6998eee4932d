import { expect, test } from "@playwright/test";
import { createProcessViaApi, deleteProcessViaApi, DEMO_BIZ, signIn, uniqueName } from "./support/console";

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("binds and unbinds a module; the toggle survives a reload and bound names come first", async ({ page }) => {
  const id = await createProcessViaApi(page, { bk_process_name: uniqueName("bind") });
  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}`);
  const bindings = page.getByRole("region", { name: "Module bindings" });
  const cache = bindings.getByRole("switch", { name: "Bound to module cache" });
  await expect(cache).toHaveAttribute("aria-checked", "false");

  await cache.click();
  await expect(cache).toHaveAttribute("aria-checked", "true");
  await expect(page.getByRole("region", { name: "History" })).toContainText("bound it to module cache");

  await page.reload();
  await expect(cache).toHaveAttribute("aria-checked", "true");
  await expect(bindings.locator("li").first()).toHaveAttribute("data-module", "cache");
  await expect(bindings.locator("li").first()).toContainText("in 1 set");

  await cache.click();
  await expect(cache).toHaveAttribute("aria-checked", "false");
  await expect(page.getByRole("region", { name: "History" })).toContainText("unbound it from module cache");
  await page.reload();
  await expect(cache).toHaveAttribute("aria-checked", "false");
});

test("a refused toggle flips back and says why", async ({ page }) => {
  const id = await createProcessViaApi(page, { bk_process_name: uniqueName("bind-refused") });
  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}`);
  const db = page.getByRole("switch", { name: "Bound to module db" });
  await expect(db).toHaveAttribute("aria-checked", "false");

  await deleteProcessViaApi(page, id); // someone else deletes it meanwhile: the server will refuse
  await db.click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not change the binding to db" })).toContainText(`process ${id} does not exist`);
  await expect(db).toHaveAttribute("aria-checked", "false");
});
