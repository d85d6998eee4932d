import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { DEMO_BIZ, openProcessList, signIn } from "./support/console";

/** Moves this page's session in time, straight in the database (only its SHA-256 is stored). */
async function ageSession(page: Page, column: "last_seen_at" | "expires_at", interval: string) {
  const token = (await page.context().cookies()).find((cookie) => cookie.name === "procdeck_session")?.value ?? "";
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const result = await client.query(`UPDATE session SET ${column} = now() - $2::interval WHERE token_hash = $1`, [createHash("sha256").update(token).digest("hex"), interval]);
    expect(result.rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

test("a session unused for 12 hours has ended: the page asks to sign in again and comes back", async ({ page }) => {
  await signIn(page);
  await openProcessList(page);
  await ageSession(page, "last_seen_at", "13 hours");

  // the page's next request finds the session gone: its own live-state poll (every 2 s), with nothing
  // typed (a search typed now raced that poll, and lost its box to the redirect)
  await expect(page).toHaveURL(/\/sign-in\?expired=1&next=/, { timeout: 15_000 });
  await expect(page.getByText("Your session has ended")).toBeVisible();
});

test("no session outlives its absolute expiry, however busy", async ({ page }) => {
  await signIn(page);
  await page.goto(`/biz/${DEMO_BIZ}/processes`);
  // the page's own requests (its start-up reads, the live-state poll) would find the session gone
  // first and send the browser to sign-in themselves (the test above): here the page load must
  await page.route("**/api/console/**", (route) => route.abort());
  await ageSession(page, "expires_at", "1 minute");
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  expect((await page.request.get("/api/console/businesses")).status()).toBe(401);
});
