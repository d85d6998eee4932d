import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // server modules say `import "server-only"` so a client bundle can never include them; tests run
      // them on Node directly, as the server's react-server condition does (its empty build)
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"] } },
      // API tests talk to the real server started by scripts/run-tests.ts (PROCDECK_TEST_URL)
      { extends: true, test: { name: "api", include: ["e2e/api/**/*.test.ts"], testTimeout: 30_000, fileParallelism: false } },
    ],
  },
});
