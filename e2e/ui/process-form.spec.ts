import { expect, test } from "@playwright/test";
import { countProcessesNamed, createProcessViaApi, DEMO_BIZ, signIn, uniqueName } from "./support/console";

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("creates a process through the form generated from the attribute metadata", async ({ page }) => {
  const name = uniqueName("form-create");
  await page.goto(`/biz/${DEMO_BIZ}/processes/new`);
  await expect(page.getByRole("button", { name: "Create process" })).toBeEnabled();
  await expect(page.getByRole("group", { name: "Listening port" })).toBeVisible();

  await page.getByLabel("Process name").fill(name);
  await page.getByLabel("Function name").fill("nginx");
  await page.getByLabel("Port").fill("8080-8089");
  await page.getByLabel("Protocol").selectOption({ label: "TCP" });
  await page.getByLabel("Bind ip").selectOption({ label: "0.0.0.0" });
  await page.getByLabel("Process timeout").fill("30");
  await page.getByRole("button", { name: "Create process" }).click();

  await expect(page).toHaveURL(new RegExp(`/biz/${DEMO_BIZ}/processes/\\d+$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.locator('dd[data-attribute="port"]')).toHaveText("8080-8089");
  await expect(page.locator('dd[data-attribute="protocol"]')).toHaveText("TCP");
  await expect(page.getByRole("region", { name: "History" })).toContainText("created the process");
});

test("a bad port shows the message next to the field and saves nothing", async ({ page }) => {
  const name = uniqueName("form-badport");
  await page.goto(`/biz/${DEMO_BIZ}/processes/new`);
  await expect(page.getByRole("button", { name: "Create process" })).toBeEnabled();
  await page.getByLabel("Process name").fill(name);
  await page.getByLabel("Function name").fill("nginx");
  const port = page.getByLabel("Port");
  await port.fill("99999");
  await page.getByRole("button", { name: "Create process" }).click();

  await expect(port).toHaveAttribute("aria-invalid", "true");
  await expect(port).toHaveAccessibleDescription(/99999 is outside 1-65535/);
  await expect(page).toHaveURL(/\/processes\/new$/);
  expect(await countProcessesNamed(page, name)).toBe(0);

  await port.fill("8080");
  await expect(port).not.toHaveAttribute("aria-invalid", "true");
});

test("the server's own field check (a duplicate name) lands next to the field too", async ({ page }) => {
  const name = uniqueName("form-dup");
  await createProcessViaApi(page, { bk_process_name: name });
  await page.goto(`/biz/${DEMO_BIZ}/processes/new`);
  await expect(page.getByRole("button", { name: "Create process" })).toBeEnabled();
  await page.getByLabel("Process name").fill(name);
  await page.getByLabel("Function name").fill("java");
  await page.getByRole("button", { name: "Create process" }).click();
  await expect(page.getByLabel("Process name")).toHaveAccessibleDescription(/already exists/);
  expect(await countProcessesNamed(page, name)).toBe(1);
});

test("edits a process; the history shows who changed what, before → after", async ({ page }) => {
  const name = uniqueName("form-edit");
  const id = await createProcessViaApi(page, { bk_process_name: name, description: "before text", port: "80" });
  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}`);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(new RegExp(`/processes/${id}/edit$`));

  await page.getByLabel("Description").fill("after text");
  await page.getByLabel("Port").fill("81");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page).toHaveURL(new RegExp(`/processes/${id}$`));
  await expect(page.locator('dd[data-attribute="description"]')).toHaveText("after text");
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("admin changed");
  await expect(history.getByRole("deletion").first()).toBeVisible();
  await expect(history).toContainText("before text");
  await expect(history).toContainText("after text");
});

test("leaving a form with unsaved changes asks first", async ({ page }) => {
  const id = await createProcessViaApi(page, { bk_process_name: uniqueName("form-unsaved") });
  await page.goto(`/biz/${DEMO_BIZ}/processes/${id}/edit`);
  await page.getByLabel("Description").fill("not saved");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`/processes/${id}/edit$`));
  await expect(page.getByLabel("Description")).toHaveValue("not saved");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page).toHaveURL(new RegExp(`/processes/${id}$`));
});
