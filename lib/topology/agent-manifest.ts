// The agent build this server hands out: dist/agent/manifest.json as `npm run build:agent` wrote it
// (scripts/support/agent-build.ts). Read again whenever the file changes, so a rebuild needs no restart.
import "server-only";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ZAgentManifest, type TAgentManifest } from "@/lib/protocol/agent-artifacts";

export const AGENT_DIST_DIR = path.join(process.cwd(), "dist", "agent");

let cached: { mtimeMs: number; manifest: TAgentManifest | null } | undefined;

/** The current build's manifest, or null when the agent was never built. */
export function readServedManifest(): TAgentManifest | null {
  const file = path.join(AGENT_DIST_DIR, "manifest.json");
  if (!existsSync(file)) return null;
  const { mtimeMs } = statSync(file);
  if (cached?.mtimeMs === mtimeMs) return cached.manifest;
  let manifest: TAgentManifest | null = null;
  try {
    const parsed = ZAgentManifest.safeParse(JSON.parse(readFileSync(file, "utf8")));
    manifest = parsed.success ? parsed.data : null;
  } catch {
    manifest = null; // a half-written file (the build renames it in place, so only a hand edit)
  }
  cached = { mtimeMs, manifest };
  return manifest;
}

/** The version agents are compared with on the Hosts page: the build's, else none (nothing is flagged). */
export function readServerAgentVersion(): string | null {
  return readServedManifest()?.version ?? null;
}
