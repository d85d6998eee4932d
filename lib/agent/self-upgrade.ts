// The agent replacing itself with the server's build when the console asks (the poll reply's
// `upgrade`): fetch /agent/manifest.json, download the artefact this agent runs as (the single
// executable for its platform, or the .mjs), check its SHA-256 and that it starts and names the
// expected version, rename it over the running file (atomic; the old one kept as `.previous`), then
// restart: under systemd exit 75 and let Restart= bring the new one up, in the foreground start the
// new file with the same arguments and exit. Any failure before the rename leaves the running agent
// as it was and is reported with its reason. The state folder is never touched.
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { isSea } from "node:sea";
import { currentPlatform, MJS_ARTEFACT, seaArtefactName, ZAgentManifest, type TAgentArtefact } from "@/lib/protocol/agent-artifacts";
import type { TUpgradeOrder, TUpgradeProgress } from "@/lib/protocol/agent-protocol";

/** systemd restarts the unit on this code (Restart=always; EX_TEMPFAIL) */
export const UPGRADE_EXIT_CODE = 75;
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

type TSelfUpgradeOptions = {
  /** the server the agent talks to now (it may move between servers: lib/agent/server-client.ts) */
  serverUrl: () => string;
  currentVersion: string;
  log: (message: string) => void;
  report: (progress: TUpgradeProgress) => Promise<unknown>;
  beforeRestart: () => void;
};

/** What this process runs from: the file to replace and the artefact that replaces it. */
type TRunningFile = { file: string; artefactFile: string; command: string; args: string[] };

export class SelfUpgrade {
  private isRunning = false;

  constructor(private readonly options: TSelfUpgradeOptions) {}

  /** Ignored while one runs, or when this agent already is that version. */
  start(order: TUpgradeOrder) {
    if (this.isRunning || order.version === this.options.currentVersion) return;
    this.isRunning = true;
    void this.run(order).finally(() => (this.isRunning = false));
  }

  private async run(order: TUpgradeOrder) {
    const { log } = this.options;
    const send = (state: TUpgradeProgress["state"], message: string, version = order.version) =>
      this.options.report({ state, version, message }).catch((error: unknown) => log(`could not report the upgrade (${describe(error)})`));
    try {
      const running = findRunningFile();
      log(`upgrading ${this.options.currentVersion} → ${order.version}: downloading ${running.artefactFile}`);
      await send("downloading", `downloading ${running.artefactFile}`);
      const { version, staged } = await this.download(running);
      log(`verified ${running.artefactFile} ${version}; replacing ${running.file} and restarting`);
      const previous = `${running.file}.previous`;
      copyFileSync(running.file, previous);
      renameSync(staged, running.file);
      await send("restarting", `replaced ${running.file}; restarting`, version);
      this.restart(running);
    } catch (error) {
      log(`upgrade to ${order.version} failed, still running ${this.options.currentVersion}: ${describe(error)}`);
      await send("failed", describe(error));
    }
  }

  private async download(running: TRunningFile): Promise<{ version: string; staged: string }> {
    const manifestReply = await fetch(new URL("/agent/manifest.json", this.options.serverUrl()), { signal: AbortSignal.timeout(15_000) });
    if (!manifestReply.ok) throw new Error(`the server answered ${manifestReply.status} for /agent/manifest.json`);
    const manifest = ZAgentManifest.parse(await manifestReply.json());
    const artefact: TAgentArtefact | undefined = manifest.artefacts.find((entry) => entry.file === running.artefactFile);
    if (!artefact) throw new Error(`the server has no ${running.artefactFile} (platform ${currentPlatform()})`);

    const reply = await fetch(new URL(`/agent/${artefact.file}`, this.options.serverUrl()), { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!reply.ok || !reply.body) throw new Error(`the server answered ${reply.status} for /agent/${artefact.file}`);
    const bytes = Buffer.from(await reply.arrayBuffer());
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (sha256 !== artefact.sha256) throw new Error(`checksum mismatch for ${artefact.file}: got ${sha256}, the manifest says ${artefact.sha256}`);

    // beside the running file: the same file system, so the rename is atomic
    const staged = path.join(path.dirname(running.file), `.${path.basename(running.file)}.new-${process.pid}`);
    try {
      writeFileSync(staged, bytes, { mode: 0o755 });
      chmodSync(staged, 0o755);
      const stagedCommand = running.artefactFile === MJS_ARTEFACT ? [process.execPath, staged] : [staged];
      const reported = execFileSync(stagedCommand[0], [...stagedCommand.slice(1), "--version"], { encoding: "utf8", timeout: 30_000, env: { ...process.env, PROCDECK_AGENT_SUPERVISED: "" } }).trim();
      if (reported !== manifest.version) throw new Error(`the downloaded agent says it is ${JSON.stringify(reported)}, the manifest says ${manifest.version}`);
      return { version: manifest.version, staged };
    } catch (error) {
      rmSync(staged, { force: true });
      throw error;
    }
  }

  private restart(running: TRunningFile) {
    this.options.beforeRestart();
    if (process.env.PROCDECK_AGENT_SUPERVISED === "systemd") process.exit(UPGRADE_EXIT_CODE);
    // foreground: the new agent takes over this one's arguments, output and process group
    const child = spawn(running.command, running.args, { stdio: "inherit" });
    child.on("spawn", () => process.exit(0));
    child.on("error", (error) => this.options.log(`could not start the new agent (${describe(error)}); the old file is at ${running.file}.previous`));
  }
}

function findRunningFile(): TRunningFile {
  const args = process.argv.slice(2);
  if (isSea()) {
    return { file: process.execPath, artefactFile: seaArtefactName(currentPlatform()), command: process.execPath, args };
  }
  const script = process.argv[1] ?? "";
  if (script.endsWith(".mjs") && existsSync(script)) return { file: script, artefactFile: MJS_ARTEFACT, command: process.execPath, args: [script, ...args] };
  throw new Error("this agent runs from its sources (npm run agent); update the checkout instead");
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
