// Builds the host agent into dist/agent/ (git-ignored): one CommonJS bundle of lib/agent/main.ts
// (esbuild) made into a Node single executable (SEA: the blob injected into a copy of this node
// binary with postject), one bundled .mjs for hosts that already run Node ≥ 20, and manifest.json
// with each artefact's SHA-256 and the version. Nothing is downloaded: the node binary is this one.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { currentPlatform, MJS_ARTEFACT, seaArtefactName, ZAgentManifest, type TAgentArtefact, type TAgentManifest } from "@/lib/protocol/agent-artifacts";
import { BIN, run } from "./run";

export const AGENT_DIST_DIR = path.join("dist", "agent");
const SOURCE_DIRS = ["lib/agent", "lib/protocol"];
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

type TBuildOptions = { outDir?: string; version?: string; log?: (line: string) => void };

export function readPackageVersion(): string {
  return (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
}

/** Sources, package.json's version and this node: any change builds the agent again. */
export function agentSourceStamp(version = readPackageVersion()): string {
  const hash = createHash("sha256").update(`${version}\n${process.version}\n`);
  const visit = (entry: string) => {
    if (statSync(entry).isDirectory()) {
      for (const child of readdirSync(entry).sort()) visit(path.join(entry, child));
    } else if (!entry.endsWith(".test.ts")) {
      hash.update(`${entry}\n`).update(readFileSync(entry));
    }
  };
  SOURCE_DIRS.forEach(visit);
  hash.update(readFileSync("package-lock.json"));
  return hash.digest("hex");
}

export function readAgentManifest(outDir = AGENT_DIST_DIR): TAgentManifest | null {
  const file = path.join(outDir, "manifest.json");
  if (!existsSync(file)) return null;
  const parsed = ZAgentManifest.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) return null;
  const isComplete = parsed.data.artefacts.every((artefact) => existsSync(path.join(outDir, artefact.file)) && statSync(path.join(outDir, artefact.file)).size === artefact.size);
  return isComplete ? parsed.data : null;
}

/** Builds when there is no complete build of the current sources; returns the manifest. */
export async function ensureAgentBuild(options: TBuildOptions = {}): Promise<TAgentManifest> {
  const outDir = options.outDir ?? AGENT_DIST_DIR;
  const current = readAgentManifest(outDir);
  const version = options.version ?? readPackageVersion();
  if (current && current.version === version && current.sourceStamp === agentSourceStamp(version)) return current;
  return buildAgent(options);
}

/** The bundle's CommonJS parts (ws) call require(), which an ES module does not have: it gets one. */
const ESM_BANNER = ["#!/usr/bin/env node", 'import { createRequire as __procdeckCreateRequire } from "node:module";', "const require = __procdeckCreateRequire(import.meta.url);"].join("\n");

export async function buildAgent({ outDir = AGENT_DIST_DIR, version = readPackageVersion(), log = console.log }: TBuildOptions = {}): Promise<TAgentManifest> {
  const started = Date.now();
  const work = path.join(outDir, ".work");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const common = {
    entryPoints: ["lib/agent/main.ts"],
    bundle: true,
    platform: "node" as const,
    target: "node20",
    alias: { "@": path.resolve(".") },
    define: { __PROCDECK_AGENT_VERSION__: JSON.stringify(version) },
    // the source-only fallback in lib/agent/agent-version.ts reads import.meta; the bundle never calls it
    logOverride: { "empty-import-meta": "silent" as const },
    // ws's optional native speed-ups: it runs without them (it requires them inside a try)
    external: ["bufferutil", "utf-8-validate"],
    legalComments: "none" as const,
    minifySyntax: true,
    logLevel: "warning" as const,
  };
  log(`Building the agent ${version}: bundling lib/agent/main.ts…`);
  const cjs = path.join(work, "agent.cjs");
  await build({ ...common, format: "cjs", outfile: cjs });
  await build({ ...common, format: "esm", outfile: path.join(work, MJS_ARTEFACT), banner: { js: ESM_BANNER } });

  log("Making the single executable (SEA)…");
  const blob = path.join(work, "sea-prep.blob");
  const seaConfig = path.join(work, "sea-config.json");
  writeFileSync(seaConfig, JSON.stringify({ main: cjs, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false }));
  execFileSync(process.execPath, ["--experimental-sea-config", seaConfig], { stdio: ["ignore", "ignore", "inherit"] });
  const platform = currentPlatform();
  const seaFile = path.join(work, seaArtefactName(platform));
  copyFileSync(process.execPath, seaFile);
  chmodSync(seaFile, 0o755);
  // postject prints a harmless "Can't find string offset" warning on Linux builds of node; kept quiet
  await run(BIN("postject"), [seaFile, "NODE_SEA_BLOB", blob, "--sentinel-fuse", SEA_FUSE], { stdio: ["ignore", "ignore", "ignore"] });
  chmodSync(path.join(work, MJS_ARTEFACT), 0o755);

  const artefacts: TAgentArtefact[] = [
    describe(seaFile, "sea", platform),
    describe(path.join(work, MJS_ARTEFACT), "mjs", "any"),
  ];
  const manifest: TAgentManifest = { version, builtAt: new Date().toISOString(), node: process.version, sourceStamp: agentSourceStamp(version), artefacts };
  // each artefact replaced by a rename: a server streaming the old one keeps reading the old file
  for (const artefact of artefacts) renameSync(path.join(work, artefact.file), path.join(outDir, artefact.file));
  writeFileSync(path.join(work, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(path.join(work, "manifest.json"), path.join(outDir, "manifest.json"));
  rmSync(work, { recursive: true, force: true });
  for (const artefact of artefacts) log(`  ${artefact.file}  ${(artefact.size / 1e6).toFixed(1)} MB  sha256 ${artefact.sha256}`);
  log(`Agent ${version} built in ${((Date.now() - started) / 1000).toFixed(1)} s → ${outDir}`);
  return manifest;
}

function describe(file: string, kind: TAgentArtefact["kind"], platform: string): TAgentArtefact {
  const bytes = readFileSync(file);
  return { file: path.basename(file), kind, platform, sha256: createHash("sha256").update(bytes).digest("hex"), size: bytes.length };
}
