import { chromium, request } from "@playwright/test";
const base = "http://localhost:3990";
const path = process.argv[2] ?? "/account";
const api = await request.newContext({ baseURL: base });
await api.post("/api/console/session", { data: { username: "admin", password: "probe-admin-pass-123" } });
const html = await (await api.get(path)).text();
const variants: Record<string, string> = {
  current: html,
  systemUi: html.replace("</head>", `<style>:root{--font-sans:system-ui,sans-serif;--font-mono:ui-monospace,monospace}</style></head>`),
};
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--headless","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync","--no-first-run","--disable-quic"] });
const storage = await api.storageState();
const res: Record<string, number[]> = { current: [], systemUi: [] };
for (let i = 0; i < Number(process.env.N ?? 9); i++) for (const [name, body] of Object.entries(variants)) {
  const ctx = await browser.newContext({ storageState: storage });
  const page = await ctx.newPage();
  await page.route(base + path, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
  await page.goto(base + path); await page.waitForTimeout(600);
  res[name].push(await page.evaluate(() => Math.round((performance.getEntriesByName("first-contentful-paint")[0] as any)?.startTime ?? -1)));
  await ctx.close();
}
for (const [name, v] of Object.entries(res)) { v.sort((a, b) => a - b); console.log(path, name.padEnd(10), "median", v[v.length >> 1], "all", v.join(" ")); }
await browser.close(); await api.dispose();
