// How a long-lived server program is run: `serve` (the HTTP server, scripts/serve.ts) or
// `agent-gateway` (scripts/agent-gateway.ts). After a production build, as the plain JavaScript bundle
// ensureBuild made of it (scripts/support/server-bundle.ts); in dev, as TypeScript through tsx. The
// bundle needs no loader in the process: tsx's loader thread and its copy of every module cost the
// server about 17 MB and the gateway about 30 MB (idle, measured side by side).
import path from "node:path";

export type TServerProgram = "serve" | "agent-gateway";

/** Where ensureBuild puts the bundle: inside the Next build folder it belongs with. */
export function serverBundleDir(distDir = process.env.NEXT_DIST_DIR || ".next"): string {
  return path.join(distDir, "procdeck-server");
}

/** node's arguments (after its own flags) that run `program`. */
export function programArgs(program: TServerProgram, { isDev = false }: { isDev?: boolean } = {}): string[] {
  if (isDev) return ["--import", "tsx", `scripts/${program}.ts`];
  return [path.join(serverBundleDir(), `${program}.mjs`)];
}

/** True in the bundle (its modules are .mjs files), false when tsx runs the TypeScript sources. */
export function isRunningBundled(): boolean {
  return import.meta.url.endsWith(".mjs");
}
