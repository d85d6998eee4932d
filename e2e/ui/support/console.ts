// Shared steps of the browser tests: signing in (through the API, except in the sign-in spec) and
// setting up data through the console API with the page's own session and CSRF token.
import { expect, type APIResponse, type Page } from "@playwright/test";

export const DEMO_BIZ = 2;
export const ADMIN = { username: required("PROCDECK_TEST_ADMIN_USER"), password: required("PROCDECK_TEST_ADMIN_PASSWORD") };

export function uniqueName(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** Signs the page's browser context in (as the test admin); the cookies are shared with page.request. */
export async function signIn(page: Page) {
  await signInAs(page, ADMIN.username, ADMIN.password);
}

/** Signs the page's browser context in as any user (e.g. one made by support/users.ts). */
export async function signInAs(page: Page, username: string, password: string) {
  const response = await page.request.post("/api/console/session", { data: { username, password } });
  expect(response.ok(), `sign-in of ${username}`).toBe(true);
}

/** Signs in through the sign-in form, as a person does. */
export async function signInWithForm(page: Page, password = ADMIN.password) {
  await page.getByLabel("Username").fill(ADMIN.username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The header a console write needs: the session's CSRF token, echoed from its cookie. */
export async function csrfHeader(page: Page) {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === "procdeck_csrf");
  return { "x-csrf-token": cookie?.value ?? "" };
}

async function data<T>(response: APIResponse): Promise<T> {
  const body = (await response.json()) as { ok: boolean; data: T; error?: { message: string } };
  if (!body.ok) throw new Error(`console API refused: ${body.error?.message}`);
  return body.data;
}

const processes = `/api/console/businesses/${DEMO_BIZ}/processes`;

export async function createProcessViaApi(page: Page, attributes: Record<string, unknown>): Promise<number> {
  const response = await page.request.post(processes, { data: { bk_func_name: "e2e", ...attributes }, headers: await csrfHeader(page) });
  return (await data<{ bk_process_id: number }>(response)).bk_process_id;
}

export async function readProcessViaApi(page: Page, processId: number) {
  return data<{ record: Record<string, unknown>; revision: number }>(await page.request.get(`${processes}/${processId}`));
}

export async function countProcessesNamed(page: Page, q: string): Promise<number> {
  return (await data<{ count: number }>(await page.request.get(`${processes}?q=${encodeURIComponent(q)}`))).count;
}

export async function setBindingViaApi(page: Page, processId: number, moduleName: string, isBound: boolean) {
  const url = `${processes}/${processId}/modules/${encodeURIComponent(moduleName)}`;
  const headers = await csrfHeader(page);
  await data(isBound ? await page.request.put(url, { headers }) : await page.request.delete(url, { headers }));
}

export async function deleteProcessViaApi(page: Page, processId: number) {
  await data(await page.request.delete(`${processes}/${processId}`, { headers: await csrfHeader(page) }));
}

/** The list filtered to names containing `q`, once its rows have loaded (so the page is interactive). */
export async function openProcessList(page: Page, query = "") {
  await page.goto(`/biz/${DEMO_BIZ}/processes${query ? `?${query}` : ""}`);
  await expect(page.getByRole("table")).toBeVisible();
  // generous: a busy machine (or a dev server compiling the route) can take a while to answer the first time
  await expect(page.locator("table .animate-pulse")).toHaveCount(0, { timeout: 30_000 });
}

/** The body rows of the process table. */
export function tableRows(page: Page) {
  return page.locator("table tbody tr");
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through \`npm test\``);
  return value;
}
