// One page load in a real chromium, timed from the navigation to the page's content being visible:
// the route's own content is in <main> (an <h1> or the admin refusal) and no skeleton is left there
// (the components' placeholders all draw `.animate-pulse` bars or a "Loading" status). Runs in the
// page, polled every animation frame, so the time is the browser's own clock. Cold loads are timed
// twice: by Playwright's waitForFunction (`ms`, as this benchmark always did; its poll starts only
// once Playwright's script reaches the new document, which on a busy machine can be after the page
// painted) and by the same check installed before the document starts (`inPageMs`, no such delay).
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page, Response } from "@playwright/test";

/**
 * ms: to content visible; inPageMs: the same, seen from inside the page; paintedMs: to the browser's
 * largest contentful paint (the content in the DOM can wait for the stylesheet or for scripts before it
 * is painted); htmlMs: to the last byte of the HTML (the server's streamed render)
 */
export type TPageTiming = { ms: number; inPageMs: number; paintedMs: number; htmlMs: number; jsGzipBytes: number; jsFiles: number };

type TProbeWindow = { __benchReadyAt?: number; __benchLcpAt?: number };

const READY_TIMEOUT_MS = 30_000;
// the JS a page loads is all in long before this; a page whose polling or link prefetching keeps the
// network busy past it is measured with what it fetched so far, and the requests still open are named
const NETWORK_IDLE_TIMEOUT_MS = 10_000;

/** True (as the ms since `since`) once `pathname` shows its content; read by waitForFunction. */
function readyAt({ pathname, since }: { pathname: string; since: number }): number | false {
  if (window.location.pathname !== pathname) return false;
  const main = document.querySelector("main");
  if (!main || !main.querySelector("h1, h2")) return false;
  if (main.querySelector(".animate-pulse, [role=status][aria-label=Loading]")) return false;
  return performance.now() - since;
}

/**
 * readyAt's check from the document's start (an init script), every animation frame until it holds.
 * A string: tsx would wrap a function's inner functions in a helper that does not exist in the page.
 */
function readyProbeScript(pathname: string): string {
  return `(() => {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__benchLcpAt = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    const probe = () => {
      const main = document.querySelector("main");
      const isReady = window.location.pathname === ${JSON.stringify(pathname)} && !!main && !!main.querySelector("h1, h2") && !main.querySelector(".animate-pulse, [role=status][aria-label=Loading]");
      if (isReady) window.__benchReadyAt = performance.now();
      else requestAnimationFrame(probe);
    };
    requestAnimationFrame(probe);
  })();`;
}

/** Cold: a new tab in `context` (no cache shared with earlier loads) opens `url`. Counts the JS it loads. */
export async function measureColdLoad(context: BrowserContext, baseUrl: string, path: string): Promise<TPageTiming> {
  const page = await context.newPage();
  const scripts: Promise<number>[] = [];
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(response.body().then((body) => gzipSync(body).length, () => 0));
  };
  page.on("response", onResponse);
  const openRequests = new Set<string>();
  page.on("request", (request) => openRequests.add(request.url()));
  page.on("requestfinished", (request) => openRequests.delete(request.url()));
  page.on("requestfailed", (request) => openRequests.delete(request.url()));
  await page.addInitScript(readyProbeScript(pathOf(path)));
  try {
    await page.goto(`${baseUrl}${path}`, { waitUntil: "commit" });
    // navigation start is performance.now() = 0 in the new document
    const ms = await waitReady(page, pathOf(path), 0);
    const inPage = await page.waitForFunction(() => (window as unknown as TProbeWindow).__benchReadyAt ?? false, undefined, { timeout: READY_TIMEOUT_MS });
    const inPageMs = (await inPage.jsonValue()) as number;
    // the first load's JS is everything the page asked for until the network is quiet
    await waitForQuietNetwork(page, () => [...openRequests]);
    page.off("response", onResponse);
    const htmlMs = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseEnd);
    // never before the content is there: a paint of the header alone is not the page shown
    const paintedMs = Math.max(inPageMs, await page.evaluate(() => (window as unknown as TProbeWindow).__benchLcpAt ?? 0));
    const sizes = await Promise.all(scripts);
    return { ms, inPageMs, paintedMs, htmlMs, jsGzipBytes: sizes.reduce((sum, size) => sum + size, 0), jsFiles: sizes.length };
  } finally {
    await page.close();
  }
}

/** Playwright's networkidle, bounded: on a timeout, a warning names the requests still open. */
export async function waitForQuietNetwork(page: Page, openRequests: () => string[] = () => []): Promise<void> {
  await page.waitForLoadState("networkidle", { timeout: NETWORK_IDLE_TIMEOUT_MS }).catch(() => {
    const open = openRequests().map((url) => new URL(url).pathname + new URL(url).search);
    console.warn(`\n  ${new URL(page.url()).pathname}: the network was not quiet ${NETWORK_IDLE_TIMEOUT_MS / 1000} s after the load${open.length ? `; still open: ${open.join(", ")}` : ""}`);
  });
}

/** Warm: an already loaded console page navigates client-side (the App Router's own push) to `path`. */
export async function measureClientNavigation(page: Page, path: string): Promise<number> {
  const since = await page.evaluate((target) => {
    const router = (window as unknown as { next?: { router?: { push: (href: string) => void } } }).next?.router;
    if (!router) throw new Error("window.next.router is missing: not an App Router page?");
    const startedAt = performance.now();
    router.push(target);
    return startedAt;
  }, path);
  return waitReady(page, pathOf(path), since);
}

async function waitReady(page: Page, pathname: string, since: number): Promise<number> {
  const handle = await page.waitForFunction(readyAt, { pathname, since }, { polling: "raf", timeout: READY_TIMEOUT_MS });
  return (await handle.jsonValue()) as number;
}

function pathOf(path: string): string {
  return path.split("?")[0];
}
