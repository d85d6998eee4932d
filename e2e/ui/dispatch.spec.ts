// A business's dispatch in the browser: a global administrator sends a business's operations to an
// existing GSE from the Businesses page, sees the setting again without its secret, and switches back.
import { expect, test, type Page } from "@playwright/test";
import { csrfHeader, signIn, uniqueName } from "./support/console";

async function call<T>(page: Page, method: "GET" | "POST", path: string, body?: unknown): Promise<{ text: string; data: T }> {
  const response = method === "GET" ? await page.request.get(path) : await page.request.post(path, { data: body, headers: await csrfHeader(page) });
  const text = await response.text();
  const envelope = JSON.parse(text) as { ok: boolean; data: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(`${path} refused: ${envelope.error?.message}`);
  return { text, data: envelope.data };
}

test("sends a business's operations to an existing GSE, keeps the secret hidden, and switches back", async ({ page }) => {
  await signIn(page);
  const name = uniqueName("ui-gse");
  const { data: created } = await call<{ bizId: number }>(page, "POST", "/api/console/admin/businesses", { name });
  const secret = `ui-gse-secret-${Date.now()}-0123456789`;

  await page.goto("/admin/businesses");
  await page.getByRole("button", { name: `Dispatch of business ${name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Dispatch of business ${name}` });
  await dialog.getByLabel("Carried out by").selectOption("gse");
  await dialog.getByLabel("GSE component URL").fill("https://paas.example.com/api/c/compapi/v2/gse/");
  await dialog.getByLabel("bk_app_code").fill("procdeck-ui");
  await dialog.getByLabel("bk_app_secret").fill(secret);
  await dialog.getByLabel("bk_username").fill("ops");
  await page.screenshot({ path: test.info().outputPath("dispatch-dialog.png") });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Dispatch of ${name} saved`)).toBeVisible();
  await expect(dialog).toBeHidden();

  const { text, data } = await call<{ backend: string; gatewayUrl: string; isSecretSealed: boolean }>(page, "GET", `/api/console/admin/businesses/${created.bizId}/dispatch`);
  expect(data).toMatchObject({ backend: "gse", gatewayUrl: "https://paas.example.com/api/c/compapi/v2/gse/", isSecretSealed: true });
  expect(text).not.toContain(secret);

  // opened again: the setting is shown, the secret field is empty and says it keeps the stored one
  await page.getByRole("button", { name: `Dispatch of business ${name}` }).click();
  await expect(dialog.getByLabel("bk_app_code")).toHaveValue("procdeck-ui");
  await expect(dialog.getByLabel("bk_app_secret")).toHaveValue("");
  await expect(dialog.getByText("Leave empty to keep the stored secret (never shown).")).toBeVisible();
  await dialog.getByLabel("Carried out by").selectOption("procdeck");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  expect((await call<{ backend: string }>(page, "GET", `/api/console/admin/businesses/${created.bizId}/dispatch`)).data).toEqual({ bizId: created.bizId, backend: "procdeck" });
});
