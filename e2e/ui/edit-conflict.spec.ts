import { expect, test } from "@playwright/test";
import { createProcessViaApi, DEMO_BIZ, readProcessViaApi, signIn, uniqueName } from "./support/console";

test("saving over someone else's change is refused and said so, not overwritten", async ({ page, browser }) => {
  await signIn(page);
  const id = await createProcessViaApi(page, { bk_process_name: uniqueName("conflict"), description: "original" });
  const editUrl = `/biz/${DEMO_BIZ}/processes/${id}/edit`;
  await page.goto(editUrl);
  await expect(page.getByLabel("Description")).toHaveValue("original");

  // a colleague, in another browser, saves first
  const colleagueContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const colleague = await colleagueContext.newPage();
  await signIn(colleague);
  await colleague.goto(editUrl);
  await colleague.getByLabel("Description").fill("colleague's text");
  await colleague.getByRole("button", { name: "Save changes" }).click();
  await expect(colleague).toHaveURL(new RegExp(`/processes/${id}$`));
  await colleagueContext.close();

  await page.getByLabel("Description").fill("my text");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone else changed this process" })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${editUrl}$`));
  expect((await readProcessViaApi(page, id)).record.description).toBe("colleague's text");

  await page.getByRole("button", { name: "Load latest version" }).click();
  await expect(page.getByLabel("Description")).toHaveValue("colleague's text");
  await expect(page.getByText("Someone else changed this process")).toHaveCount(0);
});
