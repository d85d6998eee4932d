import { expect, test } from "@playwright/test";
import { DEMO_BIZ, openProcessList, signIn } from "./support/console";

test("switches the UI to Chinese, remembers it, and shows Chinese field messages", async ({ page }) => {
  await signIn(page);
  await openProcessList(page);
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh");

  await expect(page.getByRole("heading", { level: 1 })).toContainText("进程");
  await expect(page.getByLabel("按名称搜索")).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /进程名称/ })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.reload();
  await expect(page.getByLabel("按名称搜索")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await page.goto(`/biz/${DEMO_BIZ}/processes/new`);
  await expect(page.getByRole("button", { name: "创建进程" })).toBeEnabled();
  await expect(page.getByRole("group", { name: "监听端口" })).toBeVisible();
  await page.getByLabel("端口").fill("70000");
  await page.getByRole("button", { name: "创建进程" }).click();
  await expect(page.getByLabel("端口")).toHaveAccessibleDescription(/70000 超出 1-65535/);
  await expect(page.getByLabel("进程名称")).toHaveAccessibleDescription(/必填/);

  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  await expect(page.getByRole("button", { name: "Create process" })).toBeVisible();
});
