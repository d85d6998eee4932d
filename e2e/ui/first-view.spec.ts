// The first view of a console page comes with its data: the server renders the rows into the page,
// so they show even when the browser could not reach the console API at all, and the browser does not
// ask the API for them again after its scripts load. Times are shown in the browser's time zone, the
// server's HTML included, so a browser elsewhere than the server takes the page over as it is.
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
  // its live state too (bound to no module: no hosts), read on the server with the list
  await expect(page.getByRole("row").filter({ hasText: name }).locator("[data-live-state=no_hosts]")).toBeVisible();
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

// a zone whose clock differs from this machine's (the server's) right now
const clockIn = (timeZone: string | undefined, at: Date) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone }).format(at);
const OTHER_ZONE = ["Asia/Shanghai", "America/New_York"].find((zone) => clockIn(zone, new Date()).slice(0, 2) !== clockIn(undefined, new Date()).slice(0, 2))!;

test.describe("in a browser whose time zone is not the server's", () => {
  test.use({ timezoneId: OTHER_ZONE });

  test("pages hydrate and show times in the browser's zone, from its first page on", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signIn(page);
    const name = uniqueName("zoned");
    const processId = await createProcessViaApi(page, { bk_process_name: name });
    const auditOfProcess = `/audit?biz=${DEMO_BIZ}&type=process&object=${processId}`;

    // the first page: the server does not know the browser's zone yet, the browser switches to it
    await page.goto(auditOfProcess);
    const time = page.locator("main tbody time").first();
    const at = new Date((await time.getAttribute("datetime"))!);
    await expect(time).toContainText(clockIn(OTHER_ZONE, at));

    // from then on the server renders that zone itself
    const html = await (await page.request.get(auditOfProcess)).text();
    expect(html).toContain(clockIn(OTHER_ZONE, at));
    await page.goto(`/biz/${DEMO_BIZ}/processes/${processId}`);
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await page.goto(auditOfProcess);
    await expect(time).toContainText(clockIn(OTHER_ZONE, at));
    // React reports a page it could not hydrate (#418) as an uncaught error
    expect(errors).toEqual([]);
  });
});

test("a page shown before its scripts have run takes no input it would lose, then works", async ({ page }) => {
  await signIn(page);
  const name = uniqueName("early");
  const processId = await createProcessViaApi(page, { bk_process_name: name });
  // the chunks come late, as on a slow link: the page is painted from its HTML meanwhile
  let releaseScripts = () => {};
  const scriptsReleased = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route("**/_next/static/chunks/**/*.js", async (route) => {
    await scriptsReleased;
    await route.continue();
  });
  await page.goto(`/biz/${DEMO_BIZ}/processes/${processId}/edit`, { waitUntil: "commit" });
  const startCommand = page.getByLabel("Start command", { exact: true });
  await expect(page.getByRole("heading", { name: `Edit ${name}` })).toBeVisible();
  await expect(startCommand).toBeDisabled();
  await expect(page.getByRole("link", { name: "Processes", exact: true })).toHaveAttribute("href", `/biz/${DEMO_BIZ}/processes`);

  releaseScripts();
  await expect(startCommand).toBeEnabled({ timeout: 30_000 });
  await startCommand.fill("./bin/start.sh --early");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").getByText(`Saved ${name}`)).toBeVisible();
});
