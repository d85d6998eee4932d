import { expect, test } from "@playwright/test";
import { countProcessesNamed, createProcessViaApi, DEMO_BIZ, setBindingViaApi, signIn, uniqueName } from "./support/console";

test("deletion is refused with an explanation while bound, then allowed", async ({ page }) => {
  await signIn(page);
  const name = uniqueName("delete");
  const id = await createProcessViaApi(page, { bk_process_name: name });
  await setBindingViaApi(page, id, "gateway", true);
  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}`);
  await expect(page.getByRole("switch", { name: "Bound to module gateway" })).toHaveAttribute("aria-checked", "true");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete process" });
  await expect(dialog).toContainText(`Delete “${name}”?`);
  await dialog.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(dialog.getByRole("alert")).toContainText(`“${name}” cannot be deleted while it is bound to gateway`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(await countProcessesNamed(page, name)).toBe(1);

  await page.getByRole("switch", { name: "Bound to module gateway" }).click();
  await expect(page.getByRole("switch", { name: "Bound to module gateway" })).toHaveAttribute("aria-checked", "false");
  await expect(page.getByRole("region", { name: "History" })).toContainText("unbound it from module gateway");

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/biz/${DEMO_BIZ}/processes$`));
  await expect(page.getByRole("status").filter({ hasText: `Deleted ${name}` })).toBeVisible();
  expect(await countProcessesNamed(page, name)).toBe(0);
});
