// `npm start` builds the app when there is no build or the sources changed since the last one: Next's
// build, and the bundle of the server's own programs (scripts/support/server-bundle.ts), each with a
// stamp of its own sources (a change to the server's scripts rebuilds only the bundle, in a second).
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BIN, run } from "./run";
import { buildServerBundle } from "./server-bundle";
import { bundledProgramPath } from "./server-programs";

type TSources = { dirs: string[]; files: string[] };

const APP_SOURCES: TSources = { dirs: ["app", "components", "lib", "prisma", "public"], files: ["package-lock.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json"] };
// the bundle holds lib/ too: its stamp covers the app's sources and the server's scripts
const SERVER_SOURCES: TSources = { dirs: [...APP_SOURCES.dirs, "scripts/support"], files: [...APP_SOURCES.files, "scripts/serve.ts", "scripts/agent-gateway.ts"] };
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const STAMP = path.join(DIST_DIR, "procdeck-source-stamp");
const SERVER_STAMP = path.join(DIST_DIR, "procdeck-server-stamp");

export async function ensureBuild(): Promise<void> {
  await ensureAppBuild();
  const stamp = sourceStamp(SERVER_SOURCES);
  const isBundled = (["serve", "agent-gateway"] as const).every((program) => existsSync(bundledProgramPath(program, DIST_DIR)));
  if (isBundled && existsSync(SERVER_STAMP) && readFileSync(SERVER_STAMP, "utf8") === stamp) return;
  await buildServerBundle(DIST_DIR);
  writeFileSync(SERVER_STAMP, stamp);
}

async function ensureAppBuild(): Promise<void> {
  const stamp = sourceStamp(APP_SOURCES);
  if (existsSync(path.join(DIST_DIR, "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === stamp) return;
  console.log("Building the console (first start or changed sources)…");
  await run(BIN("prisma"), ["generate"], { stdio: ["ignore", "ignore", "inherit"] });
  // `next build` adds its build folder's generated types to tsconfig.json's include; keep the committed
  // file as it is (and `npm run typecheck` independent of whatever was built last)
  const tsconfig = readFileSync("tsconfig.json", "utf8");
  try {
    await run(BIN("next"), ["build"]);
  } finally {
    writeFileSync("tsconfig.json", tsconfig);
  }
  writeFileSync(STAMP, stamp);
}

function sourceStamp({ dirs, files }: TSources): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    if (!existsSync(entry) || entry.includes(`${path.sep}generated`)) return;
    const info = statSync(entry);
    if (info.isDirectory()) {
      for (const child of readdirSync(entry).sort()) visit(path.join(entry, child));
    } else {
      hash.update(`${entry}:${info.size}:${info.mtimeMs}\n`);
    }
  };
  dirs.forEach(visit);
  // the single files by content: the build itself rewrites tsconfig.json (restored above, same text,
  // new mtime), and a stamp by mtime would then call for a rebuild at the next start, even while
  // another server of this checkout serves the current build
  for (const file of files) if (existsSync(file)) hash.update(`${file}:${createHash("sha256").update(readFileSync(file)).digest("hex")}\n`);
  return hash.digest("hex");
}
