// `npm run build:agent [-- --version X.Y.Z] [--out DIR]`: the agent's artefacts and manifest
// (scripts/support/agent-build.ts). --version and --out make an older build for upgrade tests.
import { parseArgs } from "node:util";
import { buildAgent } from "./support/agent-build";

const { values } = parseArgs({ options: { version: { type: "string" }, out: { type: "string" } } });

buildAgent({ version: values.version, outDir: values.out }).catch((error: unknown) => {
  console.error(`the agent build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
