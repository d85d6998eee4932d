// User administration in the browser: a global admin creates a user and makes them operator of the
// demo business; the new user signs in, is sent to change the password first, then works in business 2.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_BIZ, signIn, uniqueName } from "./support/console";

async function csrfHeader(page: Page) {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "procdeck_csrf");
  return { "x-csrf-token": cookie?.value ?? "" };
}

async function signInThroughForm(page: Page, username: string, password: string) {
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a global admin creates an operator of business 2, who signs in, changes the password and sees business 2", async ({ page, browser }) => {
  const username = uniqueName("ui-op");
  const initialPassword = "initial-ui-password-1";
  const ownPassword = "my-own-ui-password-2";
  // two browsers and several first-time page compiles under `next dev`
  test.setTimeout(120_000);

  await signIn(page);
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await page.getByRole("button", { name: "New user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Username").fill(username);
  await dialog.getByLabel("Display name").fill("UI Operator");
  await dialog.getByLabel("Choose a password").check();
  await dialog.getByLabel("Password to give the user").fill(initialPassword);
  await dialog.getByRole("button", { name: "Create user" }).click();

  // the user's page opens next (the first visit of a route can take a while under `next dev`)
  await expect(page).toHaveURL(/\/admin\/users\/\d+$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: username })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Must change password")).toBeVisible();
  await page.getByLabel("Business to grant").selectOption({ label: `Demo (${DEMO_BIZ})` });
  await page.getByLabel("Role to grant").selectOption("operator");
  await page.getByRole("button", { name: "Grant", exact: true }).click();
  await expect(page.getByLabel(`Role in Demo (${DEMO_BIZ})`, { exact: true })).toHaveValue("operator");
  await expect(page.getByRole("status").filter({ hasText: "Granted Operator in Demo" })).toBeVisible();

  // the list shows the new user with the grant
  await page.goto(`/admin/users?q=${username}`);
  const row = page.locator(`tr[data-username="${username}"]`);
  await expect(row).toContainText(`Demo (${DEMO_BIZ}) · operator`);
  await expect(row).toContainText("Must change password");

  // the new user, in a browser of their own
  const context = await browser.newContext();
  try {
    const newcomer = await context.newPage();
    await newcomer.goto("/");
    await expect(newcomer).toHaveURL(/\/sign-in\?next=%2F/);
    await signInThroughForm(newcomer, username, initialPassword);
    await expect(newcomer).toHaveURL(/\/account\?next=%2F$/, { timeout: 30_000 });
    await expect(newcomer.getByText("Choose a new password before you continue")).toBeVisible();

    await newcomer.getByLabel("Current password").fill(initialPassword);
    await newcomer.getByLabel("New password", { exact: true }).fill(ownPassword);
    await newcomer.getByLabel("New password again").fill(ownPassword);
    await newcomer.getByRole("button", { name: "Change password" }).click();
    await expect(newcomer.getByText("Your password is changed.")).toBeVisible();
    await expect(newcomer.getByText("Choose a new password before you continue")).toHaveCount(0);

    await newcomer.getByRole("link", { name: "Continue" }).click();
    await expect(newcomer).toHaveURL(new RegExp(`/biz/${DEMO_BIZ}/processes`), { timeout: 30_000 });
    await expect(newcomer.getByRole("heading", { name: /Processes/ })).toContainText("Demo");
    const session = (await (await newcomer.request.get("/api/console/session")).json()) as { data: { mustChangePassword: boolean; roles: unknown[] } };
    expect(session.data).toMatchObject({ mustChangePassword: false, roles: [{ bizId: DEMO_BIZ, role: "operator" }] });
  } finally {
    await context.close();
  }
});

test("someone who is not a global administrator is told the user pages are not for them", async ({ page, browser }) => {
  await signIn(page);
  const username = uniqueName("ui-viewer");
  const password = "viewer-ui-password-1";
  const created = await page.request.post("/api/console/admin/users", { data: { username, password }, headers: await csrfHeader(page) });
  expect(created.status()).toBe(201);

  const context = await browser.newContext();
  try {
    const viewer = await context.newPage();
    expect((await viewer.request.post("/api/console/session", { data: { username, password } })).ok()).toBe(true);
    await viewer.goto("/admin/users");
    await expect(viewer.getByText("Only global administrators can manage users and API apps.")).toBeVisible();
    await expect(viewer.getByRole("button", { name: "New user" })).toHaveCount(0);
    expect((await viewer.request.get("/api/console/admin/users")).status()).toBe(403);
  } finally {
    await context.close();
  }
});
