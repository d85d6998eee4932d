// `npm run bench:agent`: the agent's artefact sizes (raw and gzip -6, as a server or proxy would send
// them), building them first when missing. The agent's memory and the install time are measured on a
// real server by `npm test -- agent-install` (its [figures] lines).
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { AGENT_DIST_DIR, ensureAgentBuild } from "./support/agent-build";

async function main() {
  const manifest = await ensureAgentBuild();
  console.log(`agent ${manifest.version} (node ${manifest.node}), ${AGENT_DIST_DIR}`);
  for (const artefact of manifest.artefacts) {
    const bytes = readFileSync(path.join(AGENT_DIST_DIR, artefact.file));
    const gzip = gzipSync(bytes, { level: 6 }).length;
    console.log(`  ${artefact.file.padEnd(28)} ${(artefact.size / 1e6).toFixed(1).padStart(6)} MB   gzip ${(gzip / 1e6).toFixed(1).padStart(6)} MB`);
  }
  console.log("RSS idle / with 20 managed processes, and the one-line install time: npm test -- agent-install (see its [figures] lines)");
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
