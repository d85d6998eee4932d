import { defineConfig } from "@playwright/test";

// The server is started by scripts/run-tests.ts; Debian's chromium is driven, never a downloaded build.
export default defineConfig({
  testDir: "e2e/ui",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"], ["json"]],
  outputDir: "test-results",
  use: {
    baseURL: process.env.PROCDECK_TEST_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
});
