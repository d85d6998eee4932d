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

/** The bundled `program`'s entry file. */
export function bundledProgramPath(program: TServerProgram, distDir?: string): string {
  return path.join(serverBundleDir(distDir), `${program}.mjs`);
}

/**
 * node's arguments (after its own flags) that run `program`. The gateway's TypeScript needs the
 * react-server condition (its code imports "server-only"); the server's cannot have it, Next's own
 * rendering needs React's ordinary build (scripts/support/server-only-hook.ts).
 */
export function programArgs(program: TServerProgram, { isDev = false }: { isDev?: boolean } = {}): string[] {
  if (!isDev) return [bundledProgramPath(program)];
  return [...(program === "agent-gateway" ? ["--conditions=react-server"] : []), "--import", "tsx", `scripts/${program}.ts`];
}

/** True in the bundle (its modules are .mjs files), false when tsx runs the TypeScript sources. */
export function isRunningBundled(): boolean {
  return import.meta.url.endsWith(".mjs");
}
