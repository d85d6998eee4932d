// `next build` into a dist folder other than .next rewrites two checked-out files: it adds
// "<distDir>/types/**/*.ts" to tsconfig.json's include and points next-env.d.ts at <distDir>. The
// benchmark builds into its own folder, so it puts both files back as they were (content and
// mtime: ensure-build's source stamp uses the mtime, and a changed one would force a rebuild on
// every run). tsconfig.json is only restored when Next's additions are the sole difference.
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";

type TSnapshot = { file: string; text: string; atime: Date; mtime: Date } | null;

export function snapshotFilesNextRewrites(distDir: string): () => string[] {
  const tsconfig = snapshot("tsconfig.json");
  const nextEnv = snapshot("next-env.d.ts");
  return () => {
    const notes: string[] = [];
    if (tsconfig && readText(tsconfig.file) !== tsconfig.text) {
      if (normaliseTsconfig(readText(tsconfig.file), distDir) === normaliseTsconfig(tsconfig.text, distDir)) restore(tsconfig);
      else notes.push(`tsconfig.json changed during the build beyond Next's "${distDir}" include entries: left as it is`);
    }
    if (nextEnv && readText(nextEnv.file) !== nextEnv.text) restore(nextEnv);
    return notes;
  };
}

function snapshot(file: string): TSnapshot {
  if (!existsSync(file)) return null;
  const info = statSync(file);
  return { file, text: readText(file), atime: info.atime, mtime: info.mtime };
}

function restore(saved: NonNullable<TSnapshot>) {
  writeFileSync(saved.file, saved.text);
  utimesSync(saved.file, saved.atime, saved.mtime);
}

function readText(file: string): string {
  return existsSync(file) ? readFileSync(file, "utf8") : "";
}

/** The config without include entries under distDir, or the raw text when it is not plain JSON. */
function normaliseTsconfig(text: string, distDir: string): string {
  try {
    const config = JSON.parse(text) as { include?: string[] };
    if (Array.isArray(config.include)) config.include = config.include.filter((entry) => !entry.startsWith(`${distDir}/`));
    return JSON.stringify(config);
  } catch {
    return text;
  }
}
