// Generated code the app imports but git does not keep (lib/generated/: the Prisma client). A tree
// cleaned of ignored files (`git clean -X` without a re-install) has node_modules but none of it;
// start-up and the test runner regenerate it before importing anything that needs it. No "@/"
// imports here: this runs before they can resolve.
import { existsSync } from "node:fs";
import path from "node:path";
import { BIN, run } from "./run";

const PRISMA_CLIENT = path.join("lib", "generated", "prisma", "client.ts");

export async function ensureGenerated(): Promise<void> {
  if (existsSync(PRISMA_CLIENT)) return;
  console.log("Generating the Prisma client (lib/generated is missing)…");
  await run(BIN("prisma"), ["generate"], { stdio: ["ignore", "ignore", "inherit"] });
  if (!existsSync(PRISMA_CLIENT)) throw new Error(`prisma generate ran but ${PRISMA_CLIENT} is still missing`);
}
