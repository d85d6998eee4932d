// The built agent as the server serves it under /agent/…: a manifest naming each artefact with its
// SHA-256, read by the install script (rendered by the server), the agent's self-upgrade and the
// build (scripts/support/agent-build.ts). Shared by server and agent, so it lives beside the protocol.
import { z } from "zod";

/** Single executable (needs no Node on the host) or one bundled ES module (hosts with Node ≥ 20). */
export const ZAgentArtefact = z.object({
  file: z.string().regex(/^[A-Za-z0-9._-]+$/),
  kind: z.enum(["sea", "mjs"]),
  /** "<os>-<arch>" as Node names them (linux-x64); "any" for the .mjs */
  platform: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
});
export type TAgentArtefact = z.infer<typeof ZAgentArtefact>;

export const ZAgentManifest = z.object({
  version: z.string().min(1).max(64),
  builtAt: z.string(),
  /** the Node the single executable carries */
  node: z.string(),
  /** a hash of the agent's sources when it was built: a changed source tree builds again */
  sourceStamp: z.string(),
  artefacts: z.array(ZAgentArtefact),
});
export type TAgentManifest = z.infer<typeof ZAgentManifest>;

export const MJS_ARTEFACT = "procdeck-agent.mjs";

export function seaArtefactName(platform: string): string {
  return `procdeck-agent-${platform}`;
}

/** This process's platform in the artefacts' naming ("linux-x64"). */
export function currentPlatform(): string {
  return `${process.platform}-${process.arch}`;
}

/** Numeric comparison of dotted versions ("0.10.0" > "0.9.1"); a pre-release suffix sorts before its release. */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core, pre] = v.split("-", 2);
    return { parts: core.split(".").map((part) => Number.parseInt(part, 10) || 0), pre: pre ?? null };
  };
  const left = split(a);
  const right = split(b);
  for (let i = 0; i < Math.max(left.parts.length, right.parts.length); i += 1) {
    const diff = (left.parts[i] ?? 0) - (right.parts[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (left.pre === right.pre) return 0;
  if (left.pre === null) return 1;
  if (right.pre === null) return -1;
  return left.pre < right.pre ? -1 : 1;
}
