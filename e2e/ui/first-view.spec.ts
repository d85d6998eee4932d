// The first view of a console page comes with its data: the server renders the rows into the page,
// so they show even when the browser could not reach the console API at all, and the browser does not
// ask the API for them again after its scripts load.
import { expect, test } from "@playwright/test";
import { createProcessViaApi, DEMO_BIZ, signIn, uniqueName } from "./support/console";

test("with the console API out of the browser's reach, pages still show their data", async ({ page }) => {
  await signIn(page);
  const name = uniqueName("first-view");
  const processId = await createProcessViaApi(page, { bk_process_name: name, port: "8123" });
  // the page's own requests only (page.request above is not routed)
  await page.route("**/api/console/**", (route) => route.abort());

  await page.goto(`/biz/${DEMO_BIZ}/processes?q=${name}`);
  await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
  await expect(page.getByText("1–1 of 1")).toBeVisible();
  await expect(page.locator("main .animate-pulse")).toHaveCount(0);

  await page.goto(`/biz/${DEMO_BIZ}/processes/${processId}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("8123").first()).toBeVisible();

  await page.goto(`/biz/${DEMO_BIZ}/hosts`);
  await expect(page.locator("main table tbody tr").first()).toBeVisible();
  await expect(page.locator("main .animate-pulse")).toHaveCount(0);
});

test("opening the process list does not fetch its rows again in the browser", async ({ page }) => {
  await signIn(page);
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/console/")) asked.push(new URL(request.url()).pathname);
  });
  await page.goto(`/biz/${DEMO_BIZ}/processes`);
  await expect(page.locator("table tbody tr").first()).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(asked.filter((path) => path === `/api/console/businesses/${DEMO_BIZ}/processes`)).toEqual([]);
});
