// The server's own programs (scripts/serve.ts, scripts/agent-gateway.ts) bundled into plain ES modules
// with esbuild, made by ensureBuild beside Next's build. Packages stay outside the bundle (they load
// from node_modules, as they do under tsx); `server-only`, the marker Next's bundler empties for
// server code and which throws anywhere else, is emptied here too. Dynamic imports stay separate
// chunks, so modules that expect Next's server environment (next/server) load only once it is set up.
import { mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { build, type Plugin } from "esbuild";
import { serverBundleDir } from "./server-programs";

const ENTRIES = { serve: "scripts/serve.ts", "agent-gateway": "scripts/agent-gateway.ts" };

const emptyServerOnly: Plugin = {
  name: "empty-server-only",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "procdeck-empty" }));
    build.onLoad({ filter: /.*/, namespace: "procdeck-empty" }, () => ({ contents: "", loader: "js" }));
  },
};

export async function buildServerBundle(distDir?: string): Promise<void> {
  const target = serverBundleDir(distDir);
  // built aside, then moved into place: a server starting meanwhile never reads half a bundle
  const staging = `${target}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(path.dirname(target), { recursive: true });
  await build({
    entryPoints: ENTRIES,
    outdir: staging,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    // Next's package has no exports map: an ES module must name the file
    alias: { "next/server": "next/server.js" },
    plugins: [emptyServerOnly],
    // .mjs: Next writes a package.json of type commonjs into its build folder
    outExtension: { ".js": ".mjs" },
    logLevel: "warning",
  });
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
}
