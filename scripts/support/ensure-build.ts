// `npm start` builds the app when there is no build or the sources changed since the last one.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BIN, run } from "./run";

const SOURCE_DIRS = ["app", "components", "lib", "prisma", "public"];
const SOURCE_FILES = ["package-lock.json", "next.config.ts", "postcss.config.mjs", "tsconfig.json"];
const DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
const STAMP = path.join(DIST_DIR, "procdeck-source-stamp");

export async function ensureBuild(): Promise<void> {
  const stamp = sourceStamp();
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

function sourceStamp(): string {
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
  SOURCE_DIRS.forEach(visit);
  // the single files by content: the build itself rewrites tsconfig.json (restored above, same text,
  // new mtime), and a stamp by mtime would then call for a rebuild at the next start, even while
  // another server of this checkout serves the current build
  for (const file of SOURCE_FILES) if (existsSync(file)) hash.update(`${file}:${createHash("sha256").update(readFileSync(file)).digest("hex")}\n`);
  return hash.digest("hex");
}
