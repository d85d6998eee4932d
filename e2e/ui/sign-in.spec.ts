import { expect, test } from "@playwright/test";
import { ADMIN, DEMO_BIZ, signIn, signInWithForm } from "./support/console";

test("a wrong password is refused and nothing is signed in", async ({ page }) => {
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await signInWithForm(page, "not-the-password");
  await expect(page.getByRole("alert").filter({ hasText: "authentication failed" })).toContainText("wrong username or password");
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await page.context().cookies()).some((cookie) => cookie.name === "procdeck_session")).toBe(false);
});

test("signing in opens the process list with an httpOnly, SameSite session cookie", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in\?next=%2F/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await signInWithForm(page);
  await expect(page).toHaveURL(new RegExp(`/biz/${DEMO_BIZ}/processes`));
  await expect(page.getByRole("heading", { name: /Processes/ })).toBeVisible();
  await expect(page.getByText(`Signed in as ${ADMIN.username}`)).toBeAttached();

  const session = (await page.context().cookies()).find((cookie) => cookie.name === "procdeck_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie)).not.toContain("procdeck_session");
  // the business is remembered for the next visit to "/"
  await expect.poll(async () => (await page.context().cookies()).find((cookie) => cookie.name === "procdeck_biz")?.value).toBe(String(DEMO_BIZ));
});

test("a shared link survives signing in", async ({ page }) => {
  await page.goto(`/biz/${DEMO_BIZ}/processes?q=nginx&sort=-port`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await signInWithForm(page);
  await expect(page).toHaveURL(new RegExp(`/biz/${DEMO_BIZ}/processes\\?q=nginx&sort=-port`));
  await expect(page.getByLabel("Search by name")).toHaveValue("nginx");
});

test("signing out ends the session: pages go to sign-in, the API answers 401", async ({ page }) => {
  await signIn(page);
  await page.goto(`/biz/${DEMO_BIZ}/processes`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.goto(`/biz/${DEMO_BIZ}/processes`);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  const reply = await page.request.get("/api/console/businesses");
  expect(reply.status()).toBe(401);
  expect(await reply.json()).toMatchObject({ ok: false, error: { kind: "UNAUTHENTICATED" } });
});

test("a cookie-authenticated write without the CSRF token is refused", async ({ page }) => {
  await signIn(page);
  const reply = await page.request.post(`/api/console/businesses/${DEMO_BIZ}/processes`, { data: { bk_process_name: "csrf-probe", bk_func_name: "x" } });
  expect(reply.status()).toBe(403);
  expect(await reply.json()).toMatchObject({ ok: false, error: { kind: "FORBIDDEN" } });
  const crossSite = await page.request.post("/api/console/session", { data: ADMIN, headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
});

// Browsers drop tab / CR / LF from URLs and read "\" as "/": each of these was once a way to leave the site.
const OPEN_REDIRECTS = ["/\t/evil.example/", "/\n/evil.example/", "/\r/evil.example/", "/\t\\evil.example/", "//evil.example/", "/\\evil.example/", "https://evil.example/"];

test("signing in never leaves the site, whatever ?next says", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  for (const next of OPEN_REDIRECTS.slice(0, 4)) {
    // leave the signed-in page first: with its cookies gone, its own queries would get a 401 and
    // send it to sign-in while the next goto runs
    await page.goto("about:blank");
    await page.context().clearCookies();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    await signInWithForm(page);
    // every one of these falls back to "/", which opens the process list: wait for it to settle before the next goto
    await expect(page, JSON.stringify(next)).toHaveURL(new RegExp(`/biz/${DEMO_BIZ}/processes`));
    await expect(page.getByText(`Signed in as ${ADMIN.username}`), JSON.stringify(next)).toBeAttached();
    expect(new URL(page.url()).origin, JSON.stringify(next)).toBe(origin);
  }
});

test("when already signed in, the sign-in page redirects only to a path of this site", async ({ page }) => {
  await signIn(page);
  for (const next of OPEN_REDIRECTS) {
    const reply = await page.request.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
    expect(reply.status(), JSON.stringify(next)).toBeGreaterThanOrEqual(300);
    expect(reply.status(), JSON.stringify(next)).toBeLessThan(400);
    const location = reply.headers()["location"] ?? "";
    expect(location, JSON.stringify(next)).toBe("/");
  }
  const kept = await page.request.get(`/sign-in?next=${encodeURIComponent(`/biz/${DEMO_BIZ}/tasks?op=1`)}`, { maxRedirects: 0 });
  expect(kept.headers()["location"]).toBe(`/biz/${DEMO_BIZ}/tasks?op=1`);
});
