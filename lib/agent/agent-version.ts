// The agent's version: package.json's, written into the bundle by scripts/support/agent-build.ts
// (esbuild `define`); run from source (tsx) it reads package.json itself.
import { readFileSync } from "node:fs";

declare const __PROCDECK_AGENT_VERSION__: string | undefined;

export function readAgentVersion(): string {
  if (typeof __PROCDECK_AGENT_VERSION__ === "string") return __PROCDECK_AGENT_VERSION__;
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0-dev";
  } catch {
    return "0.0.0-dev";
  }
}
